using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Approvals.NewFileApproval;

namespace TeamsCrm.Bot.Tests.Approvals;

/// <summary>
/// Every decision finished, exactly once: the steps after it (the effect, each card copy updated, the requester told) are
/// stored with it and completed by whatever comes next — the sweep after a restart, a second press, a refresh — without a
/// copy updated twice or the requester told twice. The connector fails on purpose; the bot is stopped and started again
/// on the same SQLite file.
/// </summary>
public class FinishingTests
{
    static readonly string LeaderCopy = $"/v3/conversations/{Demo.PersonalChat(Demo.ZhangWei)}/activities/";
    static readonly string ChannelCopy = $"/v3/conversations/{Demo.TeamChannel}/activities/";
    static readonly string ToRequester = $"/v3/conversations/{Demo.PersonalChat(Demo.LiNa)}/activities";

    static ApprovalDesk Desk(TestBot bot) => bot.Services.GetRequiredService<ApprovalDesk>();
    static TimeSpan Lease(TestBot bot) => bot.Services.GetRequiredService<IOptions<ApprovalOptions>>().Value.FinishLease;

    /// <summary>What the connector was asked, in order: the two copies' updates and the message to Li Na, by kind.</summary>
    static List<string> Steps(IEnumerable<ConnectorCall> calls) => [.. calls.Select(c =>
        c.Method == "PUT" && c.Path.StartsWith(LeaderCopy, StringComparison.Ordinal) ? "leader copy"
        : c.Method == "PUT" && c.Path.StartsWith(ChannelCopy, StringComparison.Ordinal) ? "channel copy"
        : c.Method == "POST" && c.Path == ToRequester ? "requester told"
        : $"{c.Method} {c.Path}")];

    /// <summary>Li Na's new file in Zhang Wei's chat and the team's approvals channel; then Zhang Wei approves it while the connector is down.</summary>
    static async Task<(TestBot Bot, Approval Request)> DecidedWhileTheConnectorIsDownAsync()
    {
        var bot = await StartWithChannelAsync();
        var request = await FileAsync(bot);
        bot.Connector.FailWhere("PUT", "");
        bot.Connector.FailWhere("POST", ToRequester);
        var press = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve", "Complete, thanks"));
        Assert.Contains("Approved by Zhang Wei", Shown(press.InvokeCard), StringComparison.Ordinal);   // the decision stands, whatever failed after it
        Assert.Equal(["leader copy", "channel copy", "requester told"], Steps(press.Calls));   // each tried, each failed
        bot.Connector.Heal();
        return (bot, request);
    }

    static async Task<Approval> StoredAsync(TestBot bot, Approval request) => (await bot.Archive.Approvals.GetAsync(request.Id))!;

    static async Task AssertFinishedAsync(TestBot bot, Approval request)
    {
        var stored = await StoredAsync(bot, request);
        Assert.Equal(ApprovalStatus.Approved, stored.Status);
        Assert.NotNull(stored.EffectAppliedAt);
        Assert.Null(stored.Finish);
        Assert.Equal(CustomerStatus.Active, (await bot.Archive.Customers.GetAsync(request.Subject))!.Status);
    }

    [Theory]
    [InlineData(true)]    // the connector down: nothing after the decision got through
    [InlineData(false)]   // only the channel copy failed: the leader's copy and the message to the rep got through
    public async Task Killed_between_a_decision_and_its_card_updates_the_bot_started_again_updates_each_copy_once_and_tells_the_requester_once(
        bool connectorDown)
    {
        var bot = await StartWithChannelAsync();
        try
        {
            var request = await FileAsync(bot);
            bot.Connector.FailWhere("PUT", Demo.TeamChannel);
            if (connectorDown)
            {
                bot.Connector.FailWhere("PUT", Demo.PersonalChat(Demo.ZhangWei));
                bot.Connector.FailWhere("POST", ToRequester);
            }
            var press = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve", "Complete, thanks"));

            Assert.Contains("Approved by Zhang Wei", Shown(press.InvokeCard), StringComparison.Ordinal);   // the decision stands
            Assert.Equal(["leader copy", "channel copy", "requester told"], Steps(press.Calls));            // each tried once
            var left = (await StoredAsync(bot, request)).Finish!;
            Assert.Equal((1, (DateTimeOffset?)null), (left.Failures, left.ClaimedUntil));
            Assert.Equal(connectorDown ? [] : [$"{Demo.PersonalChat(Demo.ZhangWei)}|{press.Calls[0].Path.Split('/')[^1]}"], left.CopiesUpdated);
            Assert.Equal(connectorDown, left.RequesterToldAt is null);
            Assert.Equal(0, await Desk(bot).FinishDueAsync(default));   // not before its back-off is over

            // Killed, and started again after the back-off with the connector back: the sweep that runs at start finishes it.
            bot.Connector.Heal();
            bot.Connector.Clear();
            bot = await bot.RestartAsync(new Dictionary<string, string?> { ["Approvals:RunFinisher"] = "true" }, left.DueAt);
            await WaitUntilFinishedAsync(bot, request);

            var after = bot.Connector.Calls;
            Assert.Equal(connectorDown ? ["leader copy", "channel copy", "requester told"] : ["channel copy"], Steps(after));
            var channel = Shown(after.Single(c => c.Path.StartsWith(ChannelCopy, StringComparison.Ordinal)).Card);
            Assert.Contains("Approved by Zhang Wei", channel, StringComparison.Ordinal);
            Assert.DoesNotContain("Complete, thanks", channel, StringComparison.Ordinal);   // the shared copy: the summary
            var told = press.Calls.Where(_ => !connectorDown).Concat(after).Where(c => c.Path == ToRequester).ToList();
            Assert.Equal("Your request “New customer file: Nanjing Steel Works” was approved by Zhang Wei.", (string?)Assert.Single(told).Body!["text"]);
            await AssertFinishedAsync(bot, request);

            Assert.Equal(0, await Desk(bot).FinishDueAsync(default));   // nothing left for any later sweep
            Assert.Equal(after.Count, bot.Connector.Calls.Count);
        }
        finally
        {
            await bot.DisposeAsync();
        }
    }

    [Fact]
    public async Task Killed_right_after_the_decision_was_stored_the_next_sweep_after_the_claim_runs_out_does_everything_once()
    {
        await using var filed = await StartWithChannelAsync();
        var request = await FileAsync(filed);
        var now = filed.Clock.GetUtcNow();
        // What a press leaves when its process dies right after storing the decision: the steps, claimed by it, none done.
        await filed.Archive.Approvals.SaveAsync(ApprovalRules.Decide(request, Demo.ZhangWei.AadObjectId, Decision.Approve, "Complete, thanks", now)
            with { Finish = FinishWork.Start("en-US", "UTC", tellRequester: true, now).Claim(now, Lease(filed)) });
        await using var bot = await filed.RestartAsync();

        Assert.Equal(0, await Desk(bot).FinishDueAsync(default));                                 // the dead run's claim still holds…
        Assert.Empty((await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve"))).Calls);   // …for a second press too
        Assert.Equal(CustomerStatus.Pending, (await bot.Archive.Customers.GetAsync(request.Subject))!.Status);

        bot.Clock.Advance(Lease(bot));
        bot.Connector.Clear();
        Assert.Equal(1, await Desk(bot).FinishDueAsync(default));

        Assert.Equal(["leader copy", "channel copy", "requester told"], Steps(bot.Connector.Calls));
        Assert.Contains("Complete, thanks", Shown(bot.Connector.Calls[0].Card), StringComparison.Ordinal);   // the leader's own copy: in full
        await AssertFinishedAsync(bot, request);
    }

    [Fact]
    public async Task A_second_press_finishes_what_the_decision_left_and_a_third_finds_nothing_to_do()
    {
        var (bot, request) = await DecidedWhileTheConnectorIsDownAsync();
        await using var _ = bot;

        var second = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve"));
        var third = await bot.PostAsync(Decide(bot, Demo.ZhangWei, request, "Approve"));

        Assert.Equal(["leader copy", "channel copy", "requester told"], Steps(second.Calls));
        Assert.DoesNotContain(T.Get(T.English, "approvals.alreadyDecided"), Shown(second.InvokeCard), StringComparison.Ordinal);
        Assert.Empty(third.Calls);
        await AssertFinishedAsync(bot, request);
    }

    [Fact]
    public async Task A_refresh_by_anyone_finishes_what_the_decision_left_and_shows_them_what_they_may_see()
    {
        var (bot, request) = await DecidedWhileTheConnectorIsDownAsync();
        await using var _ = bot;

        var refresh = await bot.PostAsync(Refresh(bot, Demo.TomBecker, request));

        Assert.Equal(["leader copy", "channel copy", "requester told"], Steps(refresh.Calls));
        Assert.DoesNotContain("Complete, thanks", Shown(refresh.InvokeCard), StringComparison.Ordinal);
        await AssertFinishedAsync(bot, request);
        Assert.Empty((await bot.PostAsync(Refresh(bot, Demo.TomBecker, request))).Calls);
    }

    [Fact]
    public async Task Two_instances_sweeping_at_once_update_each_copy_once_and_tell_the_requester_once()
    {
        var (bot, request) = await DecidedWhileTheConnectorIsDownAsync();
        await using var _ = bot;
        await using var other = await bot.StartAnotherInstanceAsync();
        bot.Clock.Advance(FinishWork.FirstRetry);
        other.Clock.Advance(FinishWork.FirstRetry);
        bot.Connector.Clear();

        await Task.WhenAll(Task.Run(() => Desk(bot).FinishDueAsync(default)), Task.Run(() => Desk(other).FinishDueAsync(default)));

        Assert.Equal(["channel copy", "leader copy", "requester told"], Steps(bot.Connector.Calls).Order(StringComparer.Ordinal));
        await AssertFinishedAsync(bot, request);
    }

    [Fact]
    public async Task Two_runs_claiming_from_the_same_read_work_one_at_a_time()
    {
        var (bot, request) = await DecidedWhileTheConnectorIsDownAsync();
        await using var _ = bot;
        await using var other = await bot.StartAnotherInstanceAsync();
        var read = await StoredAsync(bot, request);   // both instances start from this version
        bot.Connector.Clear();

        var runs = await Task.WhenAll(
            Task.Run(() => Desk(bot).FinishAsync(read, T.English, TimeZoneInfo.Utc, default)),
            Task.Run(() => Desk(other).FinishAsync(read, T.English, TimeZoneInfo.Utc, default)));

        Assert.Equal(["channel copy", "leader copy", "requester told"], Steps(bot.Connector.Calls).Order(StringComparer.Ordinal));
        Assert.Contains(runs, r => r.Finish is null);   // the run that got the claim finished
        await AssertFinishedAsync(bot, request);
    }

    [Fact]
    public async Task A_change_applied_to_the_file_before_its_history_was_written_is_recognised_as_applied()
    {
        await using var filed = await Customers.CustomerSeeds.StartBotAsync();
        var (huadong, request) = await ModificationApprovalTests.RequestAsync(filed);
        var now = filed.Clock.GetUtcNow();
        // A run died after the file's update and before its change records (on SharePoint a $batch, not one transaction).
        await filed.Archive.Approvals.SaveAsync(ApprovalRules.Decide(request, Demo.WangFang.AadObjectId, Decision.Approve, null, now)
            with { Finish = FinishWork.Start("en-US", "UTC", tellRequester: true, now).Claim(now, Lease(filed)) });
        var file = (await filed.Archive.Customers.GetAsync(huadong.Number))!;
        await filed.Archive.Customers.UpdateAsync(file with { Phone = "021 5555 0199", Tier = CustomerTier.Important }, []);
        await using var bot = await filed.RestartAsync(now: now + Lease(filed));

        Assert.Equal(1, await Desk(bot).FinishDueAsync(default));

        var finished = (await bot.Archive.Customers.GetFileAsync(huadong.Number))!;
        Assert.Equal(["approval:approved", "phone:021 5555 0199", "tier:Important", "approval:requested"],
            finished.History.Select(h => $"{h.Field}:{h.NewValue}"));
        Assert.False((await StoredAsync(bot, request)).Payload.ChangedMeanwhile);
        var told = bot.Connector.Calls.Single(c => c.Path == ToRequester);
        Assert.Equal("Your request “Change to a customer file: Huadong Precision” was approved by Wang Fang.", (string?)told.Body!["text"]);
    }

    /// <summary>The hosted sweep runs on its own: wait (bounded) until the request's steps are off it.</summary>
    static async Task WaitUntilFinishedAsync(TestBot bot, Approval request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while ((await StoredAsync(bot, request)).Finish is not null)
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
    }
}
