namespace MtaAudit;

/// <summary>
/// An error whose message is a glossary sentence: <see cref="Exception.Message"/> stays the English
/// (logs, tests, the stored host errors), and <see cref="Said"/> words it in the user's language.
/// </summary>
public interface ISaid
{
    Localized Said { get; }
}

public static class Said
{
    /// <summary>
    /// The error in both languages: a glossary sentence when it has one, else its English message
    /// (from .NET or a part not yet worded) wrapped as a quoted cause in <paramref name="wrapper"/>.
    /// </summary>
    public static Localized Of(Exception e, string wrapper) =>
        e is ISaid s ? s.Said : Glossary.Say(wrapper, ("cause", TerminalText.Clean(e.Message.ReplaceLineEndings(" "))));
}
