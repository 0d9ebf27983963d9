using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.FakeGraph;
using TeamsCrm.FakeGraph.State;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>
/// With the directory in Entra ID (the real Graph SDK against the fake Graph, groups and managers seeded as the demo's), an
/// approver whose mailbox sends automatic replies is away: a request filed then reaches their own manager at once, and one
/// already waiting moves up at the next sweep instead of at its deadline — every copy and the requester say so. Without the
/// permission (403) or with Directory:Graph:AutomaticReplies false, requests wait for the deadline as before.
/// </summary>
public sealed class AwayByAutomaticRepliesTests : IAsyncLifetime
{
    FakeGraphServer _graph = null!;

    static readonly Dictionary<string, string> Groups = new()
    {
        ["Rep"] = "0b1c0000-0000-4000-8000-0000000000a1", ["Supervisor"] = "0b1c0000-0000-4000-8000-0000000000a2",
        ["SalesManager"] = "0b1c0000-0000-4000-8000-0000000000a3", ["KeyAccountDirector"] = "0b1c0000-0000-4000-8000-0000000000a4",
        ["GeneralManager"] = "0b1c0000-0000-4000-8000-0000000000a5", ["CustomerService"] = "0b1c0000-0000-4000-8000-0000000000a6",
    };

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        var d = _graph.Directory;
        void Add(DemoPerson p, DemoPerson? manager, params string[] roles)
        {
            d.AddUser(new FakeUser(p.AadObjectId, p.Name, $"{p.Name.Replace(' ', '.').ToLowerInvariant()}@contoso.example"), manager?.AadObjectId);
            foreach (var role in roles) d.AddToGroup(Groups[role], p.AadObjectId);
        }
        Add(Demo.ChenJie, null, "GeneralManager");
        Add(Demo.WangFang, Demo.ChenJie, "SalesManager", "KeyAccountDirector");
        Add(Demo.ZhangWei, Demo.WangFang, "Supervisor");
        Add(Demo.LiNa, Demo.ZhangWei, "Rep");
        Add(Demo.TomBecker, Demo.ZhangWei, "Rep");
        Add(Demo.LiuYang, Demo.WangFang, "CustomerService");
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    Task<TestBot> StartBotAsync(bool automaticReplies = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Directory:Provider"] = "Graph", ["Directory:Graph:BaseUrl"] = _graph.BaseUrl,
            ["Directory:Graph:AutomaticReplies"] = automaticReplies ? "true" : "false",
        };
        foreach (var (role, group) in Groups) settings[$"Directory:Graph:RoleGroups:{role}"] = group;
        return TestBot.StartAsync(now: Now, settings: settings);
    }

    static JsonObject On(string status = "alwaysEnabled") => new() { ["status"] = status, ["internalReplyMessage"] = "On leave this week" };

    static async Task<Approval> FileAsync(TestBot bot)
    {
        foreach (var p in new[] { Demo.ZhangWei, Demo.WangFang }) await bot.Say(p, "help");
        var filed = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", NewCompany(Guid.NewGuid().ToString("D"))));
        Assert.Equal(200, filed.Status);
        return Assert.Single(await bot.Archive.Approvals.PendingForApproverAsync(Demo.ZhangWei.AadObjectId));
    }

    static ApprovalDesk Desk(TestBot bot) => bot.Services.GetRequiredService<ApprovalDesk>();

    [Fact]
    public async Task Filed_while_the_leader_is_away_the_request_reaches_his_manager_at_once()
    {
        _graph.Directory.SetAutomaticReplies(Demo.ZhangWei.AadObjectId, On());
        await using var bot = await StartBotAsync();

        var request = await FileAsync(bot);

        Assert.Equal([Demo.ZhangWei.AadObjectId, Demo.WangFang.AadObjectId], request.ApproverAadObjectIds);
        var move = Assert.Single(request.Routing.Moves);
        Assert.Equal((MoveKind.Away, Demo.ZhangWei.AadObjectId, Demo.WangFang.AadObjectId), (move.Kind, move.From.Single(), move.To.Single()));
        var toWangFang = Assert.Single(request.Copies, c => c.ConversationId == Demo.PersonalChat(Demo.WangFang));
        Assert.NotNull(toWangFang);
        // Her card says why it is hers: he is away.
        var card = await bot.PostAsync(Refresh(bot, Demo.WangFang, request));
        Assert.Contains("Escalated to Wang Fang", Shown(card.InvokeCard), StringComparison.Ordinal);
        Assert.Contains("Zhang Wei is away", Shown(card.InvokeCard), StringComparison.Ordinal);
        Assert.Equal(1, _graph.Counters[RouteKind.GetMailboxSettings]);   // asked about the one approver, not the escalation target
        var history = (await bot.Archive.Customers.GetFileAsync(request.Subject))!.History;
        Assert.Contains(history, h => h.ApprovalId == request.Id && h.NewValue == "away → Wang Fang");
    }

    [Fact]
    public async Task Away_after_filing_the_waiting_request_moves_up_at_the_next_sweep_not_at_its_deadline()
    {
        await using var bot = await StartBotAsync();
        var request = await FileAsync(bot);
        Assert.Equal([Demo.ZhangWei.AadObjectId], request.ApproverAadObjectIds);
        Assert.Equal(0, await Desk(bot).SweepDeadlinesAsync(default));   // present: nothing moves

        // He switches automatic replies on, scheduled from now to Friday; once the cached answer is old, the sweep sees it.
        _graph.Directory.SetAutomaticReplies(Demo.ZhangWei.AadObjectId, new JsonObject
        {
            ["status"] = "scheduled",
            ["scheduledStartDateTime"] = new JsonObject { ["dateTime"] = Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff"), ["timeZone"] = "UTC" },
            ["scheduledEndDateTime"] = new JsonObject { ["dateTime"] = Now.AddDays(5).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff"), ["timeZone"] = "UTC" },
        });
        bot.Clock.Advance(TimeSpan.FromMinutes(16));
        bot.Connector.Clear();
        Assert.Equal(1, await Desk(bot).SweepDeadlinesAsync(default));
        Assert.Equal(0, await Desk(bot).SweepDeadlinesAsync(default));   // once

        var moved = (await bot.Archive.Approvals.GetAsync(request.Id))!;
        Assert.Equal((MoveKind.Away, false), (moved.Routing.Moves.Single().Kind, moved.Routing.IsEscalated));
        Assert.Contains(Demo.WangFang.AadObjectId, moved.ApproverAadObjectIds);
        Assert.True(moved.Routing.DueAt > bot.Clock.GetUtcNow());   // well before the deadline
        var told = bot.Connector.Calls.Single(c => c.Method == "POST" && c.Path.Contains(Demo.LiNa.TeamsId[3..], StringComparison.Ordinal));
        Assert.Contains("Zhang Wei is away", (string)told.Body!["text"]!, StringComparison.Ordinal);
        Assert.Contains(bot.Connector.Calls, c => c.Method == "PUT");   // his copy now says so too
    }

    [Fact]
    public async Task Without_the_permission_nobody_is_away_and_Graph_is_not_asked_again_within_the_hour()
    {
        _graph.Directory.SetAutomaticReplies(Demo.ZhangWei.AadObjectId, On());
        _graph.Directory.MailboxSettingsDenied = true;
        await using var bot = await StartBotAsync();

        var request = await FileAsync(bot);
        bot.Clock.Advance(TimeSpan.FromMinutes(30));
        await Desk(bot).SweepDeadlinesAsync(default);

        Assert.Equal([Demo.ZhangWei.AadObjectId], (await bot.Archive.Approvals.GetAsync(request.Id))!.ApproverAadObjectIds);
        Assert.Equal(1, _graph.Counters[RouteKind.GetMailboxSettings]);
    }

    [Fact]
    public async Task Switched_off_in_configuration_mailboxes_are_never_read()
    {
        _graph.Directory.SetAutomaticReplies(Demo.ZhangWei.AadObjectId, On());
        await using var bot = await StartBotAsync(automaticReplies: false);

        var request = await FileAsync(bot);
        await Desk(bot).SweepDeadlinesAsync(default);

        Assert.Empty(request.Routing.Moves);
        Assert.Equal(0, _graph.Counters[RouteKind.GetMailboxSettings]);
    }
}
