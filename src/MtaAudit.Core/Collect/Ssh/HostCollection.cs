namespace MtaAudit.Collect.Ssh;

/// <summary>
/// What one host's collection gave: the raw bundle bytes (possibly partial: cut, timed out) and,
/// when something went wrong, the failure and a glossary sentence for the auditor (never a secret; stored
/// coded, see <see cref="StoredSaying"/>, and worded in the report's language).
/// </summary>
public sealed record HostCollection(byte[] Output, HostFailure? Failure, Localized? Message, int? ExitStatus, TimeSpan Elapsed)
{
    /// <summary>True when the output holds a bundle worth judging (even a partial one is judged, as MANUAL where it must be).</summary>
    public bool HasBundle => Output.Length > 0 && Output.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(Evidence.EvidenceBundle.Magic)) >= 0;

    public static HostCollection Failed(HostFailure f, Localized message, TimeSpan elapsed, byte[]? output = null) =>
        new(output ?? [], f, message, null, elapsed);
}
