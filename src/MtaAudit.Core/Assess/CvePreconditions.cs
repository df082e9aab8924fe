using MtaAudit.Facts;
using MtaAudit.Knowledge;

namespace MtaAudit.Assess;

/// <summary>What the evidence says of one vulnerability's preconditions on this host.</summary>
/// <param name="NotApplicable">A required build feature, table type, driver or C library is shown absent: the CVE does not count.</param>
/// <param name="Text">Why not applicable, or which preconditions hold, are unknown, or are settings not checked; null when the record has none.</param>
public sealed record Applicability(bool NotApplicable, Localized? Words)
{
    public static readonly Applicability None = new(false, null);

    /// <summary>The English words (the JSON report's <c>applicability</c>).</summary>
    public string? Text => Words?.En;
}

/// <summary>
/// Checks a vulnerability's machine-readable preconditions (<see cref="CveRequirements"/>) against the build
/// facts the MTA printed. Only a requirement shown absent makes it not applicable; one the evidence does not
/// show counts as today and is named; settings are never checked, only named.
/// </summary>
public static class CvePreconditions
{
    private enum State { Present, Absent, Unknown }

    public static Applicability Of(CveRecord cve, string mta, HostFacts? facts)
    {
        if (cve.Requires is not { } r) return Applicability.None;
        var builds = facts?.Builds.Where(b => b.Mta == mta).ToList() ?? [];
        var checks = new List<(Localized What, State State)>();
        // The words are made only for a requirement the CVE has (most have one or none of the five).
        void Check(string? token, Func<Localized> words, Func<BuildFacts, bool?> test)
        {
            if (token is null) return;
            var what = words();
            // Not applicable only when every binary of this MTA shows the token absent.
            var states = builds.Select(test).ToList();
            var state = states.Count == 0 || states.Any(s => s is null) ? (states.Any(s => s == true) ? State.Present : State.Unknown)
                : states.All(s => s == false) ? State.Absent : State.Present;
            checks.Add((what, state));
        }

        switch (mta)
        {
            case "exim":
                Check(r.BuildFeature, () => Glossary.Say("applies.build-feature", ("feature", $"{r.BuildFeature} (exim -bV \"Support for:\")")), b => Has(b, BuildFacts.SupportFor, r.BuildFeature!, exim: true));
                Check(r.TlsLibrary, () => Glossary.Say("applies.tls-library", ("library", $"{r.TlsLibrary} (exim -bV \"Support for:\")")), b => Has(b, BuildFacts.SupportFor, FirstWord(r.TlsLibrary!), exim: true));
                Check(r.Lookup, () => Glossary.Say("applies.lookup", ("lookup", $"{r.Lookup} (exim -bV \"Lookups:\")")), b => Has(b, BuildFacts.Lookups, r.Lookup!, exim: true));
                Check(r.Driver, () => Glossary.Say("applies.authenticator", ("driver", $"{r.Driver} (exim -bV \"Authenticators:\")")), b => Has(b, BuildFacts.Authenticators, r.Driver!, exim: true));
                Check(r.HintsDb, () => Glossary.Say("applies.hints-db", ("db", $"{r.HintsDb} (exim -bV \"Hints DB:\")")), b => Mentions(b, BuildFacts.HintsDb, r.HintsDb!));
                break;
            case "postfix":
                Check(r.BuildFeature, () => Glossary.Same($"{r.BuildFeature} (postconf -m)"), b => AnyWord(b, BuildFacts.MapTypes, r.BuildFeature!));
                break;
            case "sendmail":
                Check(r.BuildFeature, () => Glossary.Same($"{r.BuildFeature} (sendmail -d0.1 \"Compiled with:\")"), b => Has(b, BuildFacts.CompiledWith, r.BuildFeature!, exim: false));
                break;
            default:
                if (r.BuildFeature is not null) checks.Add((Glossary.Say("applies.build-feature", ("feature", r.BuildFeature)), State.Unknown));
                break;
        }
        if (r.Libc is not null)
        {
            var state = facts?.Libc is not { } libc ? State.Unknown
                : libc.Contains(r.Libc, StringComparison.OrdinalIgnoreCase) ? State.Present : State.Absent;
            checks.Add((facts?.Libc is { } l ? Glossary.Say("applies.libc-host", ("libc", r.Libc), ("host", l)) : Glossary.Say("applies.libc", ("libc", r.Libc)), state));
        }

        // A lookup is one way in where a build feature is another (CVE-2023-42118: "the spf lookup type or the spf
        // ACL condition"): a missing lookup rules nothing out while the feature itself is present.
        if (checks.Any(c => c.What.Code == "applies.build-feature" && c.State == State.Present))
            checks.RemoveAll(c => c.What.Code == "applies.lookup" && c.State == State.Absent);
        var absent = checks.Where(c => c.State == State.Absent).Select(c => c.What).ToList();
        if (absent.Count > 0)
            return new(true, Glossary.Say("applies.lacks", ("what", Glossary.Join(absent, Glossary.Say("applies.and")))));

        var parts = new List<Localized>();
        var present = checks.Where(c => c.State == State.Present).Select(c => c.What).ToList();
        var unknown = checks.Where(c => c.State == State.Unknown).Select(c => c.What).ToList();
        if (present.Count > 0) parts.Add(Glossary.Say("applies.needs-present", ("what", Glossary.Join(present, ", "))));
        if (unknown.Count > 0) parts.Add(Glossary.Say("applies.needs-unknown", ("what", Glossary.Join(unknown, ", "))));
        if (r.LocalAccess) parts.Add(Glossary.Say("applies.local-account"));
        if (r.Config is not null) parts.Add(Glossary.Say("applies.config", ("config", r.Config)));
        return new(false, parts.Count == 0 ? null : Glossary.Join(parts, "; "));
    }

    /// <summary>True/false when the list was read; null when this build does not show it.</summary>
    private static bool? Has(BuildFacts b, string list, string token, bool exim)
    {
        if (!b.Lists.TryGetValue(list, out var tokens)) return null;
        return tokens.Any(t => Same(t, token) || (exim && (Same(t, "Experimental_" + token) || Same(t.Replace("_", ""), token.Replace("_", "")))));
    }

    private static bool? Mentions(BuildFacts b, string list, string token) =>
        b.Lists.TryGetValue(list, out var tokens) ? string.Join(' ', tokens).Contains(token, StringComparison.OrdinalIgnoreCase) : null;

    /// <summary>"Berkeley DB (hash/btree map types)": present when postconf -m lists any of its words (hash, btree).</summary>
    private static bool? AnyWord(BuildFacts b, string list, string text)
    {
        if (!b.Lists.TryGetValue(list, out var tokens)) return null;
        var words = text.Split([' ', '(', ')', '/', ','], StringSplitOptions.RemoveEmptyEntries);
        return tokens.Any(t => words.Any(w => Same(t, w)));
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string FirstWord(string s) => s.Split(' ', 2)[0];
}
