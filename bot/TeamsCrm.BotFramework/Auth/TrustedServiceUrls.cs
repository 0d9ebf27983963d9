using System.Collections.Concurrent;

namespace TeamsCrm.BotFramework.Auth;

/// <summary>
/// The serviceUrls our bearer token may be sent to: those seen on authenticated activities, plus Teams'
/// documented global URL for proactive messages. Anything else would leak a token to whoever wrote the URL.
/// </summary>
public sealed class TrustedServiceUrls
{
    public const string TeamsGlobal = "https://smba.trafficmanager.net/teams/";
    readonly ConcurrentDictionary<string, byte> _authorities = new(StringComparer.OrdinalIgnoreCase);

    public TrustedServiceUrls() => Trust(TeamsGlobal);

    public void Trust(string serviceUrl)
    {
        if (Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)) _authorities.TryAdd(Key(uri), 0);
    }

    public bool IsTrusted(Uri requestUri) => _authorities.ContainsKey(Key(requestUri));

    static string Key(Uri uri) => $"{uri.Scheme}://{uri.Authority}";
}
