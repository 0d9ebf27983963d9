using TeamsCrm.BotFramework.Caching;

namespace TeamsCrm.BotFramework.Auth;

/// <summary>
/// The serviceUrls our bearer token may be sent to: those seen on authenticated activities, plus Teams'
/// documented global URL for proactive messages. Anything else would leak a token to whoever wrote the URL.
/// </summary>
/// <remarks>
/// Teams uses a handful of hosts, and every authenticated activity renews its host's entry, so the bounds only matter
/// against a flood: at most <see cref="MaxHosts"/> hosts, each forgotten after <see cref="MaxAge"/> without an activity.
/// </remarks>
public sealed class TrustedServiceUrls(TimeProvider clock)
{
    public const string TeamsGlobal = "https://smba.trafficmanager.net/teams/";
    public const int MaxHosts = 1_000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);
    static readonly string TeamsGlobalKey = Key(new Uri(TeamsGlobal));
    readonly BoundedCache<string, bool> _authorities = new(MaxHosts, MaxAge, clock, StringComparer.OrdinalIgnoreCase);

    public void Trust(string serviceUrl)
    {
        if (Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)) _authorities.Set(Key(uri), true);
    }

    public bool IsTrusted(Uri requestUri) =>
        string.Equals(Key(requestUri), TeamsGlobalKey, StringComparison.OrdinalIgnoreCase) || _authorities.TryGetValue(Key(requestUri), out _);

    static string Key(Uri uri) => $"{uri.Scheme}://{uri.Authority}";
}
