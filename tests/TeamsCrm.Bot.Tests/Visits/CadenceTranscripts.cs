using System.Text.Json.Nodes;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Visits.VisitSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Visits;

/// <summary>Visit cadence by level: "due visits" lists one's own customers overdue or due within a week, with Log a visit.</summary>
public class CadenceTranscripts
{
    [Theory]
    [InlineData("en-US", "due visits")]
    [InlineData("zh-CN", "待拜访")]
    public async Task A_rep_sees_her_customers_overdue_and_due_soon_most_overdue_first_and_logs_a_visit_from_the_list(string locale, string command)
    {
        await using var bot = await StartBotAsync();
        var world = await CadenceSeeds.SeedAsync(bot.Archive.Customers);
        await Transcript.VerifyAsync($"cadence.due.{locale}", bot,
            Message(bot.ServiceUrl, Demo.LiNa, command, locale),
            CardAction(bot.ServiceUrl, Demo.LiNa, "visit.form", new JsonObject { ["number"] = world.Steel.Number }, locale),
            Message(bot.ServiceUrl, Demo.ZhangWei, command, locale));   // a leader: his own files only, and he has none due
    }

    [Fact]
    public async Task The_list_is_in_the_order_of_the_days_overdue_and_leaves_out_other_reps_pending_files_and_those_not_yet_due()
    {
        await using var bot = await StartBotAsync();
        var world = await CadenceSeeds.SeedAsync(bot.Archive.Customers);

        var card = (await bot.PostAsync(Message(bot.ServiceUrl, Demo.LiNa, "due visits"))).Calls.Single().Body!.ToJsonString();

        var order = new[] { world.Steel.Name, world.Huadong.Name, world.Optics.Name }.Select(n => card.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.Contains("9 days overdue", card, StringComparison.Ordinal);
        Assert.Contains("due in 2 days", card, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Ports.Name, card, StringComparison.Ordinal);
        Assert.DoesNotContain(world.TomsMill.Name, card, StringComparison.Ordinal);
        Assert.DoesNotContain("Pending Pumps", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strategic_interval_set_by_the_manager_brings_a_file_forward()
    {
        await using var bot = await TestBot.StartAsync(now: Now, settings: new Dictionary<string, string?> { ["Visits:Cadence:Strategic"] = "30" });
        await CadenceSeeds.SeedAsync(bot.Archive.Customers);

        var card = (await bot.PostAsync(Message(bot.ServiceUrl, Demo.LiNa, "due visits"))).Calls.Single().Body!.ToJsonString();

        Assert.Contains("39 days overdue", card, StringComparison.Ordinal);   // Nanjing Steel: 10 Sep + 30 = 10 Oct
        Assert.Contains("strategic key accounts 30", card, StringComparison.Ordinal);
    }
}
