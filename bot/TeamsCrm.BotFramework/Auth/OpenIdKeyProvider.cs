using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace TeamsCrm.BotFramework.Auth;

/// <summary>
/// Reads the signing keys from the OpenID metadata (metadata → jwks_uri → keys). The raw JWKS is parsed here,
/// not by a generic OpenID library, because the Bot Framework's <c>endorsements</c> array lives only there.
/// Keys are refreshed every <see cref="BotAuthOptions.KeyRefreshInterval"/>, and early when a token names an
/// unknown key id (at most once per 5 minutes, so garbage tokens cannot hammer the metadata endpoint).
/// </summary>
/// <remarks>
/// When the metadata cannot be read, inbound requests must neither wait on it nor ask it again one by one: a fetch
/// gives up after <see cref="BotAuthOptions.KeyFetchTimeout"/> (on the app's clock), the last good keys are kept and
/// used, and the next fetch waits <see cref="FirstRetryAfter"/>, doubling with each failure up to <see cref="MaxRetryAfter"/>.
/// While one request fetches, others whose token names a key already held go on with it instead of queueing.
/// </remarks>
public sealed partial class OpenIdKeyProvider(
    IHttpClientFactory httpFactory, IOptions<BotAuthOptions> options, TimeProvider clock, ILogger<OpenIdKeyProvider> log)
{
    static readonly TimeSpan UnknownKeyRefreshFloor = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan FirstRetryAfter = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);
    readonly SemaphoreSlim _refreshing = new(1, 1);
    SigningKeySet _keys = SigningKeySet.Empty;
    int _failures;   // consecutive failed fetches; written under _refreshing
    long _noFetchBeforeTicks;   // UTC ticks; read without the lock

    public async Task<SigningKeySet> GetKeysAsync(string? keyId, CancellationToken ct)
    {
        var keys = _keys;
        if (!NeedsFetch(keys, keyId)) return keys;
        // Someone is fetching already (and may hang until the timeout): a token signed by a key we hold need not wait.
        if (!await _refreshing.WaitAsync(keys.Has(keyId) ? TimeSpan.Zero : Timeout.InfiniteTimeSpan, ct)) return keys;
        try
        {
            if (!NeedsFetch(_keys, keyId)) return _keys;   // fetched (or failed and backing off) while we waited
            using var timeout = new CancellationTokenSource(options.Value.KeyFetchTimeout, clock);
            using var fetch = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            try
            {
                _keys = await FetchAsync(fetch.Token);
                _failures = 0;
                Volatile.Write(ref _noFetchBeforeTicks, 0);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)   // unreachable, slow, an error status or not the JSON we expect
            {
                _failures++;
                var wait = RetryAfter(_failures);
                Volatile.Write(ref _noFetchBeforeTicks, (clock.GetUtcNow() + wait).UtcTicks);
                LogFetchFailed(log, e, options.Value.OpenIdMetadataUrl, _failures, wait);
            }
            return _keys;   // an empty set (no fetch ever succeeded) rejects every token
        }
        finally { _refreshing.Release(); }
    }

    bool NeedsFetch(SigningKeySet keys, string? keyId)
    {
        var now = clock.GetUtcNow();
        if (now.UtcTicks < Volatile.Read(ref _noFetchBeforeTicks)) return false;
        var age = now - keys.FetchedAt;
        return age >= options.Value.KeyRefreshInterval || keyId is not null && !keys.Has(keyId) && age >= UnknownKeyRefreshFloor;
    }

    static TimeSpan RetryAfter(int failures) =>
        failures >= 16 ? MaxRetryAfter : TimeSpan.FromTicks(Math.Min(MaxRetryAfter.Ticks, FirstRetryAfter.Ticks << (failures - 1)));

    async Task<SigningKeySet> FetchAsync(CancellationToken ct)
    {
        var http = httpFactory.CreateClient(nameof(OpenIdKeyProvider));
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(options.Value.OpenIdMetadataUrl, ct));
        var jwksUri = metadata.RootElement.GetProperty("jwks_uri").GetString()
            ?? throw new JsonException("OpenID metadata has no jwks_uri");
        using var jwks = JsonDocument.Parse(await http.GetStringAsync(jwksUri, ct));

        var keys = new List<SecurityKey>();
        var endorsements = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var raw in jwks.RootElement.GetProperty("keys").EnumerateArray())
        {
            var key = new JsonWebKey(raw.GetRawText());
            if (string.IsNullOrEmpty(key.Kid)) continue;
            keys.Add(key);
            endorsements[key.Kid] = raw.TryGetProperty("endorsements", out var e) && e.ValueKind == JsonValueKind.Array
                ? e.EnumerateArray().Select(x => x.GetString() ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase)
                : new HashSet<string>();
        }
        LogKeysFetched(log, keys.Count, jwksUri);
        return new SigningKeySet(keys, endorsements, clock.GetUtcNow());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Count} Bot Framework signing keys from {JwksUri}")]
    static partial void LogKeysFetched(ILogger logger, int count, string jwksUri);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not fetch signing keys from {MetadataUrl} ({Failures} in a row); keeping the last good keys, next try in {Wait}")]
    static partial void LogFetchFailed(ILogger logger, Exception e, string metadataUrl, int failures, TimeSpan wait);
}
