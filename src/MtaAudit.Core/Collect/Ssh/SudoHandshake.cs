using System.Text;
using Renci.SshNet;

namespace MtaAudit.Collect.Ssh;

/// <summary>
/// sudo with a password over an SSH command, for the fleet's collector and fix's commands alike: sudo prompts
/// with <see cref="Prompt"/> on stderr (<c>sudo -S -p</c>), the password goes over stdin (never argv), and
/// the shell it starts prints <see cref="Started"/> on stderr before anything else runs.
/// </summary>
internal static class SudoHandshake
{
    public const string Prompt = "mta-audit-sudo-password:";
    public const string Started = "mta-audit-sudo-ok";
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// <summary>true when the shell under sudo started (password accepted or not needed), false when sudo refused.</summary>
    public static async Task<bool> RunAsync(SshCommand cmd, Stream input, Task exec, CappedBuffer stderr, string password, CancellationToken ct)
    {
        bool passwordSent = false;
        int promptsSeen = 0;
        while (!ct.IsCancellationRequested)
        {
            SshCollector.Drain(cmd.ExtendedOutputStream, stderr);
            var text = Encoding.UTF8.GetString(stderr.ToArray());
            if (text.Contains(Started, StringComparison.Ordinal)) return true;
            int prompts = Count(text, Prompt);
            if (prompts > promptsSeen)
            {
                promptsSeen = prompts;
                // A second prompt means the password was wrong: stop rather than guess again.
                if (passwordSent) return false;
                input.Write(Encoding.UTF8.GetBytes(password + "\n"));
                passwordSent = true;
            }
            if (exec.IsCompleted) return false;
            try { await Task.WhenAny(exec, Task.Delay(Poll, ct)).ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }
        return false;
    }

    private static int Count(string s, string what)
    {
        int n = 0;
        for (int i = s.IndexOf(what, StringComparison.Ordinal); i >= 0; i = s.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
