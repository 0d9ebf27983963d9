using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using TeamsCrm.BotFramework.Caching;

namespace TeamsCrm.Bot.Directory;

/// <summary>
/// The organisation as Entra ID has it: one security group per role (ids in Directory:Graph:RoleGroups), each
/// person's direct leader from Graph /users/{id}/manager. Both are cached (Directory:Graph:CacheDuration) because
/// every turn asks who the user is, and Graph throttles; a failed refresh keeps serving the last good snapshot.
/// Managers are remembered for <see cref="MaxPeople"/> people at most, each answer kept a day at most: fresh for the cache
/// duration, then only the last good answer while Graph fails.
/// </summary>
public sealed partial class GraphDirectory(GraphServiceClient graph, IOptions<GraphDirectoryOptions> options, TimeProvider clock, ILogger<GraphDirectory> log)
    : IDirectory
{
    /// <summary>Well past the people of the role groups, who are the ones asked about.</summary>
    public const int MaxPeople = 20_000;
    public static readonly TimeSpan LastGoodAnswerKept = TimeSpan.FromDays(1);
    readonly SemaphoreSlim _refreshing = new(1, 1);
    readonly BoundedCache<string, (string? ManagerId, DateTimeOffset At)> _managers = new(MaxPeople,
        options.Value.CacheDuration > LastGoodAnswerKept ? options.Value.CacheDuration : LastGoodAnswerKept, clock, StringComparer.OrdinalIgnoreCase);
    Snapshot? _snapshot;

    sealed record Snapshot(FrozenDictionary<string, Member> People, DateTimeOffset At);
    sealed record Member(string AadObjectId, string Name, string? Email, HashSet<Role> Roles);

    public async ValueTask<Person?> FindAsync(string aadObjectId, CancellationToken ct = default)
    {
        var people = (await SnapshotAsync(ct)).People;
        if (!people.TryGetValue(aadObjectId, out var m)) return null;
        return new Person(m.AadObjectId, m.Name, m.Email, m.Roles, await ManagerIdAsync(aadObjectId, ct));
    }

    public async ValueTask<Person?> ManagerOfAsync(string aadObjectId, CancellationToken ct = default) =>
        await ManagerIdAsync(aadObjectId, ct) is { } managerId ? await FindAsync(managerId, ct) : null;

    public async ValueTask<IReadOnlyList<Person>> ReportsOfAsync(string aadObjectId, CancellationToken ct = default)
    {
        var people = (await SnapshotAsync(ct)).People;
        var reports = new List<Person>();
        var page = await graph.Users[aadObjectId].DirectReports.GetAsync(r => r.QueryParameters.Select = ["id"], ct);
        while (page is not null)
        {
            foreach (var report in page.Value ?? [])
                if (report.Id is { } id && people.TryGetValue(id, out var m)) reports.Add(new Person(m.AadObjectId, m.Name, m.Email, m.Roles, aadObjectId));
            page = page.OdataNextLink is { } next ? await graph.Users[aadObjectId].DirectReports.WithUrl(next).GetAsync(cancellationToken: ct) : null;
        }
        return [.. reports.OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    public async ValueTask<IReadOnlyList<Person>> WithRoleAsync(Role role, CancellationToken ct = default)
    {
        var people = (await SnapshotAsync(ct)).People.Values.Where(m => m.Roles.Contains(role)).OrderBy(m => m.Name, StringComparer.Ordinal);
        var result = new List<Person>();
        foreach (var m in people) result.Add(new Person(m.AadObjectId, m.Name, m.Email, m.Roles, await ManagerIdAsync(m.AadObjectId, ct)));
        return result;
    }

    async Task<Snapshot> SnapshotAsync(CancellationToken ct)
    {
        if (_snapshot is { } fresh && clock.GetUtcNow() - fresh.At < options.Value.CacheDuration) return fresh;
        await _refreshing.WaitAsync(ct);
        try
        {
            if (_snapshot is { } other && clock.GetUtcNow() - other.At < options.Value.CacheDuration) return other;
            _snapshot = await LoadAsync(ct);
        }
        catch (Exception e) when (_snapshot is not null && e is ODataError or HttpRequestException)
        {
            LogRefreshFailed(log, e);   // keep the last good snapshot rather than locking everyone out
        }
        finally { _refreshing.Release(); }
        return _snapshot!;
    }

    async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        var people = new Dictionary<string, Member>(StringComparer.OrdinalIgnoreCase);
        foreach (var (role, groupId) in options.Value.RoleGroups)
        {
            var members = graph.Groups[groupId].TransitiveMembers.GraphUser;
            var page = await members.GetAsync(r => { r.QueryParameters.Select = ["id", "displayName", "mail"]; r.QueryParameters.Top = 999; }, ct);
            while (page is not null)
            {
                foreach (var user in page.Value ?? [])
                {
                    if (user.Id is null) continue;
                    var member = people.TryGetValue(user.Id, out var known) ? known : people[user.Id] = new Member(user.Id, user.DisplayName ?? user.Id, user.Mail, []);
                    member.Roles.Add(role);
                }
                page = page.OdataNextLink is { } next ? await members.WithUrl(next).GetAsync(cancellationToken: ct) : null;
            }
        }
        LogLoaded(log, people.Count, options.Value.RoleGroups.Count);
        return new Snapshot(people.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), clock.GetUtcNow());
    }

    async Task<string?> ManagerIdAsync(string aadObjectId, CancellationToken ct)
    {
        if (_managers.TryGetValue(aadObjectId, out var cached) && clock.GetUtcNow() - cached.At < options.Value.CacheDuration) return cached.ManagerId;
        string? managerId;
        try { managerId = (await graph.Users[aadObjectId].Manager.GetAsync(r => r.QueryParameters.Select = ["id"], ct))?.Id; }
        catch (ODataError e) when (e.ResponseStatusCode == 404) { managerId = null; }   // top of the organisation
        catch (Exception e) when (cached.At != default && e is ODataError or HttpRequestException)
        {
            LogRefreshFailed(log, e);
            return cached.ManagerId;
        }
        _managers.Set(aadObjectId, (managerId, clock.GetUtcNow()));
        return managerId;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory loaded from Entra ID: {People} people in {Groups} role groups")]
    static partial void LogLoaded(ILogger logger, int people, int groups);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Directory refresh from Entra ID failed; serving the previous snapshot")]
    static partial void LogRefreshFailed(ILogger logger, Exception e);
}

/// <summary>Directory:Graph — role → Entra security group id, and how long answers are cached.</summary>
public sealed class GraphDirectoryOptions
{
    public const string Section = "Directory:Graph";
    public Dictionary<Role, string> RoleGroups { get; set; } = [];
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>Someone whose mailbox sends automatic replies is away (<see cref="MailboxAutoReplies"/>); false: never asked.</summary>
    public bool AutomaticReplies { get; set; } = true;
}
