using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using TeamsCrm.BotFramework.Caching;

namespace TeamsCrm.Bot.Directory;

/// <summary>
/// Away by Entra ID: GET /users/{id}/mailboxSettings?$select=automaticRepliesSetting (application permission MailboxSettings.Read).
/// Automatic replies always on, or scheduled with now between their start and end, is away. Answers are cached for the
/// directory's cache duration (the deadline sweep asks every minute). When the permission is not granted (403) nobody is away
/// and Graph is not asked again for an hour, logged once; a person without a mailbox (404) or a Graph failure is not away —
/// the deadline still comes.
/// </summary>
public sealed partial class MailboxAutoReplies(GraphServiceClient graph, IOptions<GraphDirectoryOptions> options, TimeProvider clock,
    ILogger<MailboxAutoReplies> log) : IAwayStatus
{
    static readonly TimeSpan NotGrantedPause = TimeSpan.FromHours(1);
    readonly BoundedCache<string, bool> _away = new(GraphDirectory.MaxPeople, options.Value.CacheDuration, clock, StringComparer.OrdinalIgnoreCase);
    DateTimeOffset _notGrantedUntil;

    public async ValueTask<bool> IsAwayAsync(string aadObjectId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (now < _notGrantedUntil) return false;
        if (_away.TryGetValue(aadObjectId, out var known)) return known;
        bool away;
        try
        {
            var settings = await graph.Users[aadObjectId].MailboxSettings.GetAsync(r => r.QueryParameters.Select = ["automaticRepliesSetting"], ct);
            away = IsAway(settings?.AutomaticRepliesSetting, now);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 403)
        {
            if (_notGrantedUntil == default) LogNotGranted(log, e.Error?.Code);
            _notGrantedUntil = now + NotGrantedPause;
            return false;
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            away = false;   // no mailbox (or no such user): nothing says they are away
        }
        catch (Exception e) when (e is ODataError or HttpRequestException)
        {
            LogFailed(log, e, aadObjectId);
            return false;   // not cached: asked again at the next sweep
        }
        _away.Set(aadObjectId, away);
        return away;
    }

    /// <summary>On, or scheduled with <paramref name="now"/> in [start, end); a schedule whose times cannot be read is not away.</summary>
    public static bool IsAway(AutomaticRepliesSetting? setting, DateTimeOffset now) => setting?.Status switch
    {
        AutomaticRepliesStatus.AlwaysEnabled => true,
        AutomaticRepliesStatus.Scheduled => Instant(setting.ScheduledStartDateTime) is { } start && Instant(setting.ScheduledEndDateTime) is { } end
            && start <= now && now < end,
        _ => false,
    };

    /// <summary>Graph's dateTimeTimeZone: a local date and time and the zone it is in (a Windows or IANA name; "UTC" usually).</summary>
    static DateTimeOffset? Instant(DateTimeTimeZone? at)
    {
        if (at?.DateTime is not { } text || !DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var local)) return null;
        var zone = at.TimeZone is { Length: > 0 } name && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var found) ? found : TimeZoneInfo.Utc;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Automatic replies cannot be read ({Code}): grant MailboxSettings.Read or set Directory:Graph:AutomaticReplies to false. Nobody is treated as away; asked again in an hour")]
    static partial void LogNotGranted(ILogger logger, string? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Automatic replies of {AadObjectId} could not be read; not treated as away")]
    static partial void LogFailed(ILogger logger, Exception e, string aadObjectId);
}
