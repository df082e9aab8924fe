using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MtaAudit.Tests.Knowledge.Update;

/// <summary>How the server damages its answers.</summary>
public enum Damage { None, Corrupt, Cut, PartialNvdPage }

/// <summary>
/// A small HTTPS server on 127.0.0.1 (TcpListener + SslStream) with a CA and a server certificate made here:
/// POST /v1/query answers the OSV file, GET /rest/json/cves/2.0 the NVD file, any other path the file given for
/// it (endoflife.date's /api/rhel.json, release-data's releases/exim.json), else 404. One request per connection.
/// </summary>
public sealed class LoopbackHttpsServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _serverCert;
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _osv;
    private readonly byte[] _nvd;
    private readonly IReadOnlyDictionary<string, byte[]> _files;
    public X509Certificate2 Ca { get; }
    public Damage Damage { get; set; }
    /// <summary>When set, only answers to paths starting with this are damaged.</summary>
    public string? DamageOnly { get; set; }
    public int Requests;

    public LoopbackHttpsServer(byte[] osv, byte[] nvd, IReadOnlyDictionary<string, byte[]>? files = null)
    {
        _osv = osv;
        _nvd = nvd;
        _files = files ?? new Dictionary<string, byte[]>();
        using var caKey = RSA.Create(2048);
        var caReq = new CertificateRequest("CN=mta-audit test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caReq.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Ca = caReq.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        using var key = RSA.Create(2048);
        var req = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        req.CertificateExtensions.Add(san.Build());
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = req.Create(Ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), [1, 2, 3, 4, 5, 6, 7, 8]);
        // SslStream on Linux wants a key it can use: round-trip through PKCS#12.
        _serverCert = X509CertificateLoader.LoadPkcs12(signed.CopyWithPrivateKey(key).Export(X509ContentType.Pkcs12), null);

        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    /// <summary>The paths of the captured lifecycle and release-list answers (Fixtures/db/README.md).</summary>
    public const string RhelPath = "/api/rhel.json";
    public const string EximReleasesPath = MtaAudit.Knowledge.Update.UpdateSources.ReleaseDataPath + "exim.json";

    /// <summary>The sources this server has captured answers for: every OSV and NVD query, endoflife.date rhel, release-data exim.</summary>
    public static readonly string[] ServedSources = ["osv ", "nvd ", "endoflife.date rhel", "release-data exim"];

    /// <summary>A server with every captured answer of Fixtures/db.</summary>
    public static LoopbackHttpsServer WithCapturedAnswers() => new(
        File.ReadAllBytes(MtaAudit.Tests.Support.Fixture.PathOf("db/osv-query-answer.json")),
        File.ReadAllBytes(MtaAudit.Tests.Support.Fixture.PathOf("db/nvd-cves-answer.json")),
        new Dictionary<string, byte[]>
        {
            [RhelPath] = File.ReadAllBytes(MtaAudit.Tests.Support.Fixture.PathOf("db/endoflife-rhel.json")),
            [EximReleasesPath] = File.ReadAllBytes(MtaAudit.Tests.Support.Fixture.PathOf("db/release-data-exim.json")),
        });

    /// <summary>The update sources this server answers, at its origin.</summary>
    public IReadOnlyList<MtaAudit.Knowledge.Update.UpdateSource> Sources =>
        MtaAudit.Knowledge.Update.UpdateSources.Only(MtaAudit.Knowledge.Update.UpdateSources.All(Origin), ServedSources);

    public Uri Origin => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>The CA as a PEM file (for --ca-file).</summary>
    public string CaPem() => Ca.ExportCertificatePem();

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                using var ssl = new SslStream(client.GetStream());
                await ssl.AuthenticateAsServerAsync(_serverCert);
                var head = await ReadHead(ssl);
                Interlocked.Increment(ref Requests);
                var path = head.Split(' ', 3)[1];
                var body = path.StartsWith("/v1/query", StringComparison.Ordinal) ? _osv
                    : path.StartsWith("/rest/json/cves/2.0", StringComparison.Ordinal) ? _nvd
                    : _files.GetValueOrDefault(path);
                if (body is null)
                {
                    await ssl.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
                    return;
                }
                var send = body;
                var damage = DamageOnly is null || path.StartsWith(DamageOnly, StringComparison.Ordinal) ? Damage : Damage.None;
                if (damage == Damage.Corrupt) { send = (byte[])body.Clone(); send.AsSpan(send.Length / 2, 40).Fill((byte)'}'); }
                if (damage == Damage.PartialNvdPage && body == _nvd)
                    send = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"totalResults\":1,", "\"totalResults\":2000,", StringComparison.Ordinal));
                var header = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {send.Length}\r\nConnection: close\r\n\r\n";
                await ssl.WriteAsync(Encoding.ASCII.GetBytes(header));
                // A cut download: the connection ends at half of what Content-Length promised.
                await ssl.WriteAsync(damage == Damage.Cut ? send.AsMemory(0, send.Length / 2) : send);
                await ssl.FlushAsync();
            }
            catch (Exception) { /* a client that gave up: nothing to answer */ }
        }
    }

    /// <summary>Request line and headers, then the body Content-Length announces (read and dropped).</summary>
    private static async Task<string> ReadHead(Stream s)
    {
        var buf = new List<byte>();
        var one = new byte[1];
        while (!(buf.Count >= 4 && buf[^4] == '\r' && buf[^3] == '\n' && buf[^2] == '\r' && buf[^1] == '\n'))
        {
            if (await s.ReadAsync(one) == 0 || buf.Count > 65536) break;
            buf.Add(one[0]);
        }
        var head = Encoding.ASCII.GetString(buf.ToArray());
        var cl = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (cl is not null && int.TryParse(cl[15..].Trim(), out int n))
        {
            var body = new byte[n];
            int got = 0;
            while (got < n) { int r = await s.ReadAsync(body.AsMemory(got)); if (r == 0) break; got += r; }
        }
        return head;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _serverCert.Dispose();
        Ca.Dispose();
    }
}
