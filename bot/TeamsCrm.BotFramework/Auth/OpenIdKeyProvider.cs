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
public sealed partial class OpenIdKeyProvider(
    IHttpClientFactory httpFactory, IOptions<BotAuthOptions> options, TimeProvider clock, ILogger<OpenIdKeyProvider> log)
{
    static readonly TimeSpan UnknownKeyRefreshFloor = TimeSpan.FromMinutes(5);
    readonly SemaphoreSlim _refreshing = new(1, 1);
    SigningKeySet _keys = SigningKeySet.Empty;

    public async Task<SigningKeySet> GetKeysAsync(string? keyId, CancellationToken ct)
    {
        var keys = _keys;
        var age = clock.GetUtcNow() - keys.FetchedAt;
        var stale = age >= options.Value.KeyRefreshInterval;
        var unknownKey = keyId is not null && !keys.Has(keyId) && age >= UnknownKeyRefreshFloor;
        if (!stale && !unknownKey) return keys;

        await _refreshing.WaitAsync(ct);
        try
        {
            if (!ReferenceEquals(keys, _keys)) return _keys;   // someone else refreshed while we waited
            _keys = await FetchAsync(ct);
            return _keys;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LogFetchFailed(log, e, options.Value.OpenIdMetadataUrl);
            return _keys;   // keep serving the keys we have; an empty set rejects every token
        }
        finally { _refreshing.Release(); }
    }

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not fetch signing keys from {MetadataUrl}")]
    static partial void LogFetchFailed(ILogger logger, Exception e, string metadataUrl);
}
