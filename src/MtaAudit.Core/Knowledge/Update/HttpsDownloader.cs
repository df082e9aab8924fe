using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MtaAudit.Knowledge.Update;

/// <summary>A download that failed: which source, and why (never a secret; URLs carry none).</summary>
public sealed class UpdateException(string source, string problem) : Exception($"{source}: {problem}")
{
    public string SourceName { get; } = source;
    public string Problem { get; } = problem;
}

/// <summary>
/// HTTPS only, the proxy from the environment (HTTPS_PROXY / NO_PROXY, as HttpClient reads them), one time limit
/// per source, a size cap, and the system's certificate checks. An extra CA (--ca-file: an internal mirror's or
/// the tests' own) is trusted in addition to the system's roots, never instead of the checks: the chain must end
/// at it and the name must match.
/// </summary>
public sealed class HttpsDownloader : IDisposable
{
    /// <summary>A response larger than this is refused (the sources' answers for four MTAs are far smaller).</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    public HttpsDownloader(TimeSpan timeout, X509Certificate2Collection? extraRoots = null)
    {
        _timeout = timeout;
        var handler = new SocketsHttpHandler
        {
            UseProxy = true, // HttpClient.DefaultProxy: HTTPS_PROXY/HTTP_PROXY/NO_PROXY from the environment
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            AllowAutoRedirect = false, // a redirect could leave HTTPS; the sources answer directly
            ConnectTimeout = timeout,
        };
        if (extraRoots is { Count: > 0 })
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, errors) => Trusted(cert, errors, extraRoots),
            };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("mta-audit-db-update/1");
    }

    /// <summary>The system's verdict, or a chain to one of <paramref name="roots"/> with the right name.</summary>
    private static bool Trusted(X509Certificate? cert, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (errors == SslPolicyErrors.None) return true;
        if (cert is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0) return false;
        using var leaf = X509CertificateLoader.LoadCertificate(cert.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // a private CA publishes no revocation list
        return chain.Build(leaf);
    }

    /// <summary>The body of a 200 answer, read whole; throws <see cref="UpdateException"/> for anything else.</summary>
    public async Task<byte[]> GetAsync(UpdateSource source, CancellationToken cancel = default)
    {
        if (source.Url.Scheme != Uri.UriSchemeHttps) throw new UpdateException(source.Name, $"refused: not HTTPS ({source.Url.Scheme})");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(_timeout);
        try
        {
            using var request = new HttpRequestMessage(source.Body is null ? HttpMethod.Get : HttpMethod.Post, source.Url);
            if (source.Body is not null) request.Content = new StringContent(source.Body, Encoding.UTF8, "application/json");
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new UpdateException(source.Name, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            if (response.Content.Headers.ContentLength is > MaxBytes)
                throw new UpdateException(source.Name, $"answer of {response.Content.Headers.ContentLength} bytes is over the {MaxBytes}-byte cap");
            using var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            using var into = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = await body.ReadAsync(buffer, timeout.Token).ConfigureAwait(false)) > 0)
            {
                if (into.Length + n > MaxBytes) throw new UpdateException(source.Name, $"answer is over the {MaxBytes}-byte cap");
                into.Write(buffer, 0, n);
            }
            // A body shorter than its Content-Length is a cut download (HttpClient reports most cuts as IOException).
            if (response.Content.Headers.ContentLength is { } length && into.Length != length)
                throw new UpdateException(source.Name, $"cut: {into.Length} of {length} bytes");
            return into.ToArray();
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new UpdateException(source.Name, $"no complete answer within {_timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e) { throw new UpdateException(source.Name, "download failed: " + Flatten(e)); }
        catch (IOException e) { throw new UpdateException(source.Name, "download cut: " + Flatten(e)); }
    }

    private static string Flatten(Exception e) =>
        e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;

    public void Dispose() => _http.Dispose();
}
