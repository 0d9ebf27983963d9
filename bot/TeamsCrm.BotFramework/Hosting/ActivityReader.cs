using System.Text;
using System.Text.Json;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.BotFramework.Hosting;

/// <summary>
/// The request body → an activity, or why its envelope is unusable (answered 400, nothing processed). Decided once,
/// here, so that nothing behind the endpoint meets a body it cannot read. Unusable means exactly one of:
/// <list type="bullet">
/// <item>not JSON, or JSON nested deeper than <see cref="MaxDepth"/> levels, or an object with a property twice (which of
/// two tenantIds would count?);</item>
/// <item>not a JSON object, or a typed field of the activity schema (<see cref="Activity"/>: <c>from</c>, <c>recipient</c>,
/// <c>conversation</c> and their fields, <c>timestamp</c>, the lists <c>attachments</c>, <c>entities</c>,
/// <c>membersAdded</c>, <c>membersRemoved</c>, …) of another JSON type, a list among them holding anything but objects;</item>
/// <item>no <c>type</c>, or one that is empty;</item>
/// <item>an <c>id</c>, <c>replyToId</c> or <c>conversation.id</c> longer than <see cref="MaxIdLength"/> characters or holding
/// a control character: each is a path segment of the replies' URLs, and no Teams id comes near either;</item>
/// <item>a <c>serviceUrl</c> that is not an absolute http(s) URL in ASCII of at most <see cref="MaxServiceUrlLength"/> characters,
/// or none (or no <c>conversation.id</c>) on an activity the bot answers (<see cref="NeedsAddress"/>): a reply could
/// reach nobody, or somewhere no reply may go (file:, ftp:, a relative path).</item>
/// </list>
/// Invalid Unicode is not unusable: it is repaired (<see cref="UnicodeRepair"/>). Everything free-form — <c>channelData</c>,
/// <c>value</c>, what an entity or attachment carries, unknown properties — may hold any shape; the app reads it defensively.
/// </summary>
public static class ActivityReader
{
    /// <summary>Real activities nest about ten levels (a card's data inside value.action.data); a card the bot builds around
    /// data it was sent adds about as many, and must stay under the writer's limit of 64.</summary>
    public const int MaxDepth = 32;
    /// <summary>Teams' serviceUrls are a few dozen characters (https://smba.trafficmanager.net/amer/); browsers stop near 2,000.</summary>
    public const int MaxServiceUrlLength = 2048;
    /// <summary>Teams' longest ids (a 1:1 chat's "a:1…", a thread's "19:…@thread.tacv2;messageid=…") are under 200 characters;
    /// with the serviceUrl, two escaped ids of this length still fit the 8 KB request line of common servers.</summary>
    public const int MaxIdLength = 512;

    static readonly JsonSerializerOptions Inbound = new(BotJson.Options) { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    public static (Activity? Activity, string? Unusable) Read(byte[] body)
    {
        Activity? activity;
        try { activity = JsonSerializer.Deserialize<Activity>(UnicodeRepair.Repair(body), Inbound); }
        catch (JsonException e) { return (null, "not an activity: " + (e.Path is { } path ? $"{path} ({ShortMessage(e)})" : ShortMessage(e))); }
        if (activity is null) return (null, "not an activity: null");
        return Problem(activity) is { } problem ? (null, problem) : (activity, null);
    }

    /// <summary>The activities the app answers or records: they need somewhere to answer to.</summary>
    public static bool NeedsAddress(string type) =>
        type is ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate;

    static string? Problem(Activity a)
    {
        if (string.IsNullOrWhiteSpace(a.Type)) return "no type";
        if (HasNull(a.Attachments) || HasNull(a.Entities) || HasNull(a.MembersAdded) || HasNull(a.MembersRemoved))
            return "a list holds null";
        if (!IsId(a.Id) || !IsId(a.ReplyToId) || !IsId(a.Conversation?.Id))
            return $"an id longer than {MaxIdLength} or with a control character";
        if (a.ServiceUrl is not null && !IsServiceUrl(a.ServiceUrl)) return "serviceUrl is not an absolute http(s) URL";
        if (NeedsAddress(a.Type) && (a.ServiceUrl is null || string.IsNullOrEmpty(a.Conversation?.Id)))
            return $"a {a.Type} activity without serviceUrl or conversation.id";
        return null;
    }

    static bool IsId(string? id) => id is null || (id.Length <= MaxIdLength && !id.Any(char.IsControl));

    /// <summary>ASCII only: Teams' serviceUrls are, and a host that is not (U+FFFD, a soft hyphen) fails IDN mapping when called.</summary>
    static bool IsServiceUrl(string url) =>
        url.Length <= MaxServiceUrlLength
        && Ascii.IsValid(url)
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;

    static bool HasNull<T>(List<T>? list) where T : class => list is not null && list.Exists(item => item is null);

    /// <summary>The reader's message without the echo of the body (it may be long, and is the sender's text).</summary>
    static string ShortMessage(JsonException e) => e.Message.Split(" Path:", 2)[0] is { Length: <= 200 } m ? m : "invalid JSON";
}
