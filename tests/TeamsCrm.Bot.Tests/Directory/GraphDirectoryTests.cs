using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Graph;
using TeamsCrm.FakeGraph;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.Bot.Tests.Directory;

/// <summary>The production directory through the real Graph SDK against the fake Graph: groups → roles, managers, caching.</summary>
public sealed class GraphDirectoryTests : IAsyncLifetime
{
    FakeGraphServer _graph = null!;
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    static readonly Dictionary<Role, string> Groups = new()
    {
        [Role.Rep] = "g-reps", [Role.Supervisor] = "g-leaders", [Role.SalesManager] = "g-managers",
        [Role.KeyAccountDirector] = "g-kad", [Role.GeneralManager] = "g-gm", [Role.CustomerService] = "g-cs",
    };

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        var d = _graph.Directory;
        d.AddUser(new FakeUser("gm", "Chen Jie", "chen.jie@contoso.example"));
        d.AddUser(new FakeUser("mgr", "Wang Fang"), managerId: "gm");
        d.AddUser(new FakeUser("lead", "Zhang Wei"), managerId: "mgr");
        d.AddUser(new FakeUser("rep1", "Li Na"), managerId: "lead");
        d.AddUser(new FakeUser("rep2", "Tom Becker"), managerId: "lead");
        d.AddUser(new FakeUser("intern", "Not In Sales"), managerId: "lead");
        foreach (var (g, u) in new[] { ("g-reps", "rep1"), ("g-reps", "rep2"), ("g-leaders", "lead"), ("g-managers", "mgr"), ("g-kad", "mgr"), ("g-gm", "gm") })
            d.AddToGroup(g, u);
        d.AddToGroup("g-cs", "gm");   // not realistic, but shows roles add up across groups
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    GraphDirectory Directory() => new(GraphClients.Create(_graph.BaseUrl, null),
        Options.Create(new GraphDirectoryOptions { RoleGroups = Groups, CacheDuration = TimeSpan.FromMinutes(15) }), _clock, NullLogger<GraphDirectory>.Instance);

    [Fact]
    public async Task Roles_come_from_group_membership_and_the_manager_from_Graph()
    {
        var d = Directory();
        var rep = await d.FindAsync("rep1");
        Assert.Equal("Li Na", rep!.Name);
        Assert.Equal([Role.Rep], rep.Roles);
        Assert.Equal("lead", rep.ManagerAadObjectId);
        Assert.Equal("Zhang Wei", (await d.ManagerOfAsync("rep1"))!.Name);
        Assert.Equal([Role.SalesManager, Role.KeyAccountDirector], (await d.FindAsync("mgr"))!.Roles.Order());
        Assert.Equal([Role.GeneralManager, Role.CustomerService], (await d.FindAsync("gm"))!.Roles.Order());
    }

    [Fact]
    public async Task Someone_in_no_role_group_is_not_in_the_directory_and_the_top_has_no_manager()
    {
        var d = Directory();
        Assert.Null(await d.FindAsync("intern"));
        Assert.Null(await d.FindAsync("nobody"));
        Assert.Null(await d.ManagerOfAsync("gm"));
    }

    [Fact]
    public async Task Reports_are_the_direct_reports_who_hold_a_sales_role()
    {
        var reports = await Directory().ReportsOfAsync("lead");
        Assert.Equal(["Li Na", "Tom Becker"], reports.Select(p => p.Name));
        Assert.All(reports, r => Assert.Equal("lead", r.ManagerAadObjectId));
    }

    [Fact]
    public async Task Answers_are_cached_until_the_cache_duration_passes()
    {
        var d = Directory();
        await d.FindAsync("rep1");
        var afterFirst = _graph.Counters.HttpCalls;
        await d.FindAsync("rep1");
        await d.WithRoleAsync(Role.Rep);
        await d.FindAsync("rep2");   // rep2's manager is one more call; the groups are not read again
        Assert.Equal(afterFirst + 1, _graph.Counters.HttpCalls);

        _clock.Advance(TimeSpan.FromMinutes(16));
        await d.FindAsync("rep1");
        Assert.Equal(afterFirst + 1 + Groups.Count + 1, _graph.Counters.HttpCalls);
    }

    [Fact]
    public async Task Large_groups_are_read_page_by_page()
    {
        for (var i = 0; i < 1_250; i++)
        {
            _graph.Directory.AddUser(new FakeUser($"bulk-{i:D4}", $"Rep {i:D4}"));
            _graph.Directory.AddToGroup("g-reps", $"bulk-{i:D4}");
        }
        Assert.Equal(1_252, (await Directory().WithRoleAsync(Role.Rep)).Count);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_serving_the_last_snapshot()
    {
        var d = Directory();
        Assert.NotNull(await d.FindAsync("rep1"));
        _clock.Advance(TimeSpan.FromMinutes(16));
        _graph.FailNext(status: 500, count: 50);
        Assert.Equal("Li Na", (await d.FindAsync("rep1"))?.Name);
    }

    [Fact]
    public async Task A_managers_last_good_answer_is_served_while_Graph_fails_for_a_day_at_most()
    {
        var d = Directory();
        Assert.Equal("lead", (await d.FindAsync("rep1"))!.ManagerAadObjectId);
        _graph.FailNext(status: 500, count: 50);

        _clock.Advance(GraphDirectory.LastGoodAnswerKept - TimeSpan.FromMinutes(1));
        Assert.Equal("lead", (await d.FindAsync("rep1"))!.ManagerAadObjectId);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var e = await Assert.ThrowsAsync<Microsoft.Graph.Models.ODataErrors.ODataError>(() => d.FindAsync("rep1").AsTask());
        Assert.Equal(500, e.ResponseStatusCode);
    }
}
