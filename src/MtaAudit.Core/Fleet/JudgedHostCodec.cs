using System.Text;
using MtaAudit.Assess;
using MtaAudit.Facts;
using MtaAudit.Render;

namespace MtaAudit.Fleet;

/// <summary>
/// A judged host (what the report sinks are given) as bytes and back, without loss: both languages of every
/// sentence with its glossary code and parameters, every CVE field, the collecting account and addresses.
/// WHY: a fleet scan judges each host as it ends (for the stored verdict and the progress line); keeping that
/// judgement lets the report render it instead of parsing and judging the bundle a second time, and the report
/// then reads a few KB a host instead of the bundle. It lives only in the scanning process's temporary table
/// (<see cref="Store.FleetStore"/>): a resumed run or `report --from STORE` judges the bundles afresh, with
/// the knowledge and policy of that time. Not a file format: the leading version byte guards against mixing.
/// The remediation plan (<see cref="MtaFinding.Plan"/>) is not kept: it is built by `fix`, never rendered.
/// </summary>
public static class JudgedHostCodec
{
    private const byte Version = 1;

    public static byte[] Encode(HostReport h, HostContext ctx)
    {
        using var ms = new MemoryStream(4096);
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Version);
            w.Write(h.Host);
            Os(w, h.Os);
            w.Write((byte)h.Verdict);
            w.Write(h.Complete);
            w.Write(h.Mtas.Count);
            foreach (var m in h.Mtas) Mta(w, m);
            Sentences(w, h.Reasons);
            Sentences(w, h.Errors);
            Str(w, h.Source);
            Str(w, h.CollectedAt);
            Str(w, ctx.Account);
            Strings(w, ctx.Addresses);
            w.Write(ctx.AddressesUnknown is { } why ? (int)why : -1);
            Str(w, ctx.CallsItself);
        }
        return ms.ToArray();
    }

    public static (HostReport Host, HostContext Context) Decode(byte[] data)
    {
        using var r = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
        if (r.ReadByte() != Version) throw new InvalidDataException("a judged host of another version");
        var name = r.ReadString();
        var os = Os(r);
        var verdict = (Verdict)r.ReadByte();
        var complete = r.ReadBoolean();
        var mtas = new MtaFinding[r.ReadInt32()];
        for (int i = 0; i < mtas.Length; i++) mtas[i] = Mta(r);
        var reasons = Sentences(r);
        var errors = Sentences(r);
        var source = Str(r);
        var collectedAt = Str(r);
        var account = Str(r);
        var addresses = Strings(r);
        int why = r.ReadInt32();
        var calls = Str(r);
        var host = new HostReport(name, os, verdict, complete, mtas, reasons, errors, source, collectedAt);
        return (host, new HostContext(account, addresses) { AddressesUnknown = why < 0 ? null : (UnknownReason)why, CallsItself = calls });
    }

    private static void Os(BinaryWriter w, OsInfo o)
    {
        w.Write((int)o.Family);
        Str(w, o.Name); Str(w, o.Version); Str(w, o.Distro); Str(w, o.Kernel); Str(w, o.Hostname); Str(w, o.Arch); Str(w, o.SupportEnd);
    }

    private static OsInfo Os(BinaryReader r) =>
        new((OsFamily)r.ReadInt32(), Str(r), Str(r), Str(r), Str(r), Str(r), Str(r), Str(r));

    private static void Mta(BinaryWriter w, MtaFinding m)
    {
        w.Write(m.Mta); Str(w, m.Version); Str(w, m.VersionText);
        w.Write(m.Package is not null);
        if (m.Package is { } p) { w.Write(p.Manager); w.Write(p.Name); w.Write(p.Version); }
        Flag(w, m.Running); Flag(w, m.Enabled);
        w.Write((byte)m.Verdict);
        Sentences(w, m.Reasons);
        w.Write(m.Cves.Count);
        foreach (var c in m.Cves) Cve(w, c);
        Sentences(w, m.Remediation);
        Strings(w, m.Evidence); Strings(w, m.EvidenceLines);
        Str(w, m.BinaryPath); Str(w, m.Confidence);
        w.Write(m.PackageUnknown);
    }

    private static MtaFinding Mta(BinaryReader r)
    {
        var mta = r.ReadString(); var version = Str(r); var text = Str(r);
        var package = r.ReadBoolean() ? new PackageRef(r.ReadString(), r.ReadString(), r.ReadString()) : null;
        var running = Flag(r); var enabled = Flag(r);
        var verdict = (Verdict)r.ReadByte();
        var reasons = Sentences(r);
        var cves = new CveRef[r.ReadInt32()];
        for (int i = 0; i < cves.Length; i++) cves[i] = Cve(r);
        var remediation = Sentences(r);
        var evidence = Strings(r); var lines = Strings(r);
        var binary = Str(r); var confidence = Str(r);
        return new MtaFinding(mta, version, text, package, running, enabled, verdict, reasons, cves, remediation, evidence, lines,
            binary, confidence, Plan: null, PackageUnknown: r.ReadBoolean());
    }

    private static void Cve(BinaryWriter w, CveRef c)
    {
        w.Write(c.Id); Str(w, c.FixedIn); Str(w, c.Severity);
        w.Write(c.Cvss.HasValue); if (c.Cvss is { } s) w.Write(s);
        w.Write(c.Kev); Str(w, c.Summary); Str(w, c.Vendor); w.Write(c.NotApplicable); Str(w, c.Applicability);
        w.Write(c.NoUpstreamFix); Str(w, c.Mitigation);
        w.Write(c.Aliases is not null); if (c.Aliases is { } a) Strings(w, a);
        w.Write(c.ApplicabilityWords is not null); if (c.ApplicabilityWords is { } l) Sentence(w, l);
    }

    private static CveRef Cve(BinaryReader r)
    {
        var id = r.ReadString(); var fixedIn = Str(r); var severity = Str(r);
        double? cvss = r.ReadBoolean() ? r.ReadDouble() : null;
        var kev = r.ReadBoolean(); var summary = Str(r); var vendor = Str(r); var na = r.ReadBoolean(); var applicability = Str(r);
        var noFix = r.ReadBoolean(); var mitigation = Str(r);
        var aliases = r.ReadBoolean() ? Strings(r) : null;
        var words = r.ReadBoolean() ? Sentence(r) : null;
        return new CveRef(id, fixedIn, severity, cvss, kev, summary, vendor, na, applicability, noFix, mitigation, aliases, words);
    }

    private static void Sentences(BinaryWriter w, IReadOnlyList<Localized> list)
    {
        w.Write(list.Count);
        foreach (var l in list) Sentence(w, l);
    }

    private static Localized[] Sentences(BinaryReader r)
    {
        var list = new Localized[r.ReadInt32()];
        for (int i = 0; i < list.Length; i++) list[i] = Sentence(r);
        return list;
    }

    // Parts (the worded parameters a sentence was built from) are not kept: no renderer reads them.
    private static void Sentence(BinaryWriter w, Localized l)
    {
        w.Write(l.En); w.Write(l.Ko); Str(w, l.Code);
        w.Write(l.Args is null ? -1 : l.Args.Count);
        if (l.Args is { } args) foreach (var (k, v) in args) { w.Write(k); w.Write(v); }
    }

    private static Localized Sentence(BinaryReader r)
    {
        var en = r.ReadString(); var ko = r.ReadString(); var code = Str(r);
        int n = r.ReadInt32();
        KeyValuePair<string, string>[]? args = null;
        if (n >= 0)
        {
            args = new KeyValuePair<string, string>[n];
            for (int i = 0; i < n; i++) args[i] = new(r.ReadString(), r.ReadString());
        }
        return new Localized(en, ko) { Code = code, Args = args };
    }

    private static void Strings(BinaryWriter w, IReadOnlyList<string> list)
    {
        w.Write(list.Count);
        foreach (var s in list) w.Write(s);
    }

    private static string[] Strings(BinaryReader r)
    {
        var list = new string[r.ReadInt32()];
        for (int i = 0; i < list.Length; i++) list[i] = r.ReadString();
        return list;
    }

    private static void Str(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null) w.Write(s);
    }

    private static string? Str(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void Flag(BinaryWriter w, bool? b) => w.Write(b switch { null => (byte)0, false => (byte)1, true => (byte)2 });

    private static bool? Flag(BinaryReader r) => r.ReadByte() switch { 0 => null, 1 => false, _ => true };
}
