using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Features.Reminders;
using TeamsCrm.Bot.Turns;
using TeamsCrm.Bot.Tests.Reminders;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Access.SharedSpaceTranscripts;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Access;

/// <summary>
/// The README's table of what a group chat or channel gets, held command by command: whatever is typed there, nothing
/// posted where everyone reads shows more than its least-privileged member may see.
/// </summary>
public partial class SharedSpaceTests
{
    /// <summary>Words of Huadong's file that a rep who does not own it may not see (发放制度).</summary>
    static readonly string[] Confidential = [HuadongPhone, HuadongCreditCode, "info@huadong.example", "Zhangjiang", "138 0013 8000", "HT-2026-118", "/export?"];

    /// <summary>The commands of the README row whose answer goes to the asker's 1:1 chat, read from the README itself.</summary>
    public static TheoryData<string> PrivateCommands()
    {
        var row = File.ReadAllLines(Repo.Path("README.md")).Single(l => l.StartsWith("| `whoami`,", StringComparison.Ordinal));
        var cells = row.Split('|', StringSplitOptions.TrimEntries);
        Assert.Contains("1:1", cells[2], StringComparison.Ordinal);
        var data = new TheoryData<string>();
        foreach (Match m in Backticked().Matches(cells[1])) data.Add(m.Groups[1].Value);
        data.Add("visited Huadong today, met Wang Lei about pricing, next: send quote Friday");   // "a visit note"
        return data;
    }

    static string WithArgument(string command, string number) => command switch
    {
        "export" or "delete" or "restore" or "access" or "escalate" => $"{command} {number}",
        _ => command,
    };

    static async Task<TestBot> StartInTeamAsync(params DemoPerson[] roster)
    {
        var bot = await StartBotAsync();
        bot.Connector.Members.AddRange(roster.Select(Member));
        return bot;
    }

    static IReadOnlyList<ConnectorCall> PostedIn(TurnResult result, string conversationId) =>
        [.. result.Calls.Where(c => c.Method == "POST" && Uri.UnescapeDataString(c.Path).StartsWith($"/v3/conversations/{conversationId}/activities", StringComparison.Ordinal))];

    static void AssertNothingConfidential(IEnumerable<ConnectorCall> posted)
    {
        foreach (var call in posted)
        foreach (var word in Confidential)
            Assert.DoesNotContain(word, Json(call.Body), StringComparison.Ordinal);
    }

    /// <summary>As the wire has it (Chinese and "+" unescaped), so that a search for a phone number finds it.</summary>
    static string Json(JsonNode? node) => node?.ToJsonString(new System.Text.Json.JsonSerializerOptions
        { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "";

    [Theory]
    [MemberData(nameof(PrivateCommands))]
    public async Task In_a_channel_the_answer_goes_to_the_askers_1_1_chat_and_the_channel_gets_a_note(string command)
    {
        await using var bot = await StartInTeamAsync(Demo.WangFang, Demo.LiNa, Demo.TomBecker);
        var huadong = await HuadongAsync(bot.Archive.Customers, Demo.WangFang);   // the manager's own file: she may do everything with it

        var result = await bot.PostAsync(InChannel(bot, Demo.WangFang, WithArgument(command, huadong.Number)));

        Assert.Equal(200, result.Status);
        var note = Assert.Single(PostedIn(result, ChannelActivities.Thread));
        Assert.Equal("<at>Wang Fang</at>, my answer holds what not everyone here may see: I sent it to your chat with TeamsCrm.", (string?)note.Body!["text"]);
        Assert.Equal(Demo.WangFang.TeamsId, (string?)note.Body["entities"]![0]!["mentioned"]!["id"]);
        Assert.Null(note.Body["attachments"]);
        Assert.Contains(result.Calls, c => c.Method == "POST" && c.Path.StartsWith("/v3/conversations/a:created-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PrivateCommands))]
    public async Task In_a_group_chat_too(string command)
    {
        await using var bot = await StartInTeamAsync(Demo.WangFang, Demo.TomBecker);
        var huadong = await HuadongAsync(bot.Archive.Customers, Demo.WangFang);

        var result = await bot.PostAsync(InGroupChat(bot, Demo.WangFang, WithArgument(command, huadong.Number)));

        var posted = PostedIn(result, Demo.GroupChat);
        Assert.Single(posted);
        AssertNothingConfidential(posted);
    }

    [Fact]
    public async Task Help_and_what_the_bot_does_not_understand_are_answered_where_asked()
    {
        await using var bot = await StartInTeamAsync(Demo.WangFang, Demo.Stranger);
        foreach (var text in new[] { "help", "tell me a joke" })
        {
            var result = await bot.PostAsync(InChannel(bot, Demo.WangFang, text));
            Assert.Single(PostedIn(result, ChannelActivities.Thread));
            Assert.DoesNotContain(result.Calls, c => c.Path.StartsWith("/v3/conversations/a:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Where_everyone_may_read_the_file_in_full_the_channel_gets_it_and_nothing_goes_privately()
    {
        await using var bot = await StartInTeamAsync(Demo.WangFang, Demo.LiNa, Demo.ZhangWei);   // the owner, her leader, the manager
        var huadong = await HuadongAsync(bot.Archive.Customers);

        var result = await bot.PostAsync(InChannel(bot, Demo.WangFang, $"find {huadong.Number}"));

        var card = Assert.Single(PostedIn(result, ChannelActivities.Thread)).Card!;
        Assert.Contains(HuadongPhone, Json(card), StringComparison.Ordinal);
        var buttons = card["actions"]!.AsArray().Select(a => (string?)a!["verb"]).ToList();
        Assert.Equal(["customer.open"], buttons);   // nobody's own buttons: Open gives each person theirs
        Assert.DoesNotContain(result.Calls, c => c.Path.StartsWith("/v3/conversations/a:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_the_directory_does_not_know_makes_it_a_conversation_that_sees_nothing_of_the_archive()
    {
        await using var bot = await StartInTeamAsync(Demo.WangFang, Demo.LiNa, Demo.Stranger);
        var huadong = await HuadongAsync(bot.Archive.Customers);

        var result = await bot.PostAsync(InGroupChat(bot, Demo.WangFang, $"find {huadong.Number}"));

        var posted = Assert.Single(PostedIn(result, Demo.GroupChat));   // the note only
        Assert.DoesNotContain("Huadong", posted.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(result.Calls, c => Json(c.Card).Contains(HuadongPhone, StringComparison.Ordinal) == true
            && c.Path.StartsWith("/v3/conversations/a:created-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_roster_that_cannot_be_read_is_treated_as_the_most_restrictive_audience()
    {
        await using var bot = await StartInTeamAsync(Demo.WangFang, Demo.LiNa);
        var huadong = await HuadongAsync(bot.Archive.Customers);
        bot.Connector.FailNext(403, """{"error":{"code":"BotNotInConversationRoster"}}""");   // the roster read

        var result = await bot.PostAsync(InChannel(bot, Demo.WangFang, $"find {huadong.Number}"));

        var posted = Assert.Single(PostedIn(result, ChannelActivities.Thread));
        Assert.DoesNotContain("Huadong", posted.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_shows_everyone_names_and_owners_and_the_asker_her_own_list_privately()
    {
        await using var bot = await StartInTeamAsync(Demo.WangFang, Demo.TomBecker);
        await HuadongAsync(bot.Archive.Customers);
        await HuaxinAsync(bot.Archive.Customers, Demo.LiNa);

        var result = await bot.PostAsync(InGroupChat(bot, Demo.WangFang, "find hua"));

        var shared = PostedIn(result, Demo.GroupChat);
        Assert.Equal(2, shared.Count);   // the list as Tom may see it, then the note
        Assert.Contains("Huadong Precision", shared[0].Card!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Active", Json(shared[0].Card), StringComparison.Ordinal);   // Tom may not see the file's status
        AssertNothingConfidential(shared);
        var mine = Assert.Single(result.Calls, c => c.Card is not null && c.Path.StartsWith("/v3/conversations/a:created-", StringComparison.Ordinal));
        Assert.Contains("Active", Json(mine.Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_joining_the_chat_is_counted_at_the_next_reply()
    {
        await using var bot = await StartInTeamAsync(Demo.WangFang, Demo.LiNa, Demo.ZhangWei);
        var huadong = await HuadongAsync(bot.Archive.Customers);
        Assert.Contains(HuadongPhone, Json(PostedIn(await bot.PostAsync(InGroupChat(bot, Demo.WangFang, $"find {huadong.Number}")), Demo.GroupChat)[0].Body),
            StringComparison.Ordinal);

        bot.Connector.Members.Add(Member(Demo.TomBecker));
        var joined = Message(bot.ServiceUrl, Demo.ZhangWei, "", conversationId: Demo.GroupChat, conversationType: "groupChat")
            .With("type", "conversationUpdate").With("text", null).With("membersAdded", new JsonArray(Member(Demo.TomBecker)));
        Assert.Equal(200, (await bot.PostAsync(joined)).Status);

        var after = PostedIn(await bot.PostAsync(InGroupChat(bot, Demo.WangFang, $"find {huadong.Number}")), Demo.GroupChat);
        AssertNothingConfidential(after);
    }

    [Fact]
    public async Task An_old_clients_submit_in_a_channel_does_not_replace_the_shared_card_with_a_private_one()
    {
        await using var bot = await StartInTeamAsync(Demo.WangFang, Demo.LiNa, Demo.TomBecker);
        var huadong = await HuadongAsync(bot.Archive.Customers);

        var submit = Submit(bot.ServiceUrl, Demo.WangFang, "customer.open", new JsonObject { ["number"] = huadong.Number }).InChannel();
        var result = await bot.PostAsync(submit);

        Assert.DoesNotContain(result.Calls, c => c.Method == "PUT");
        AssertNothingConfidential(PostedIn(result, ChannelActivities.Thread));
        Assert.Contains(result.Calls, c => Json(c.Card).Contains(HuadongPhone, StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_file_review_names_files_only_where_everyone_in_the_channel_may_see_the_archive(bool strangerThere)
    {
        await using var bot = await StartInTeamAsync(strangerThere ? [Demo.WangFang, Demo.LiNa, Demo.Stranger] : [Demo.WangFang, Demo.LiNa]);
        await HuadongAsync(bot.Archive.Customers);
        bot.Clock.Advance(TimeSpan.FromDays(61));   // no update or review since: stale
        var channel = new ConversationRef(Demo.TeamChannel, ConversationKind.Channel, Demo.TenantId, bot.ServiceUrl.ToString(),
            Demo.BotId, Demo.TeamId, "Sales East Team", Demo.TeamChannel);
        var settings = ChannelReminders.Defaults(Demo.TeamChannel, Demo.TeamId, "Asia/Shanghai", Demo.WangFang.AadObjectId,
            bot.Clock.GetUtcNow(), "en-US") with { Reps = [Demo.LiNa.AadObjectId] };

        var card = await bot.Services.GetRequiredService<ReminderContent>()
            .ChannelCardAsync(ReminderKind.FileReview, settings, channel, bot.Clock.GetUtcNow(), default);

        Assert.Contains("Li Na", Json(card), StringComparison.Ordinal);   // the owner and her count, either way
        Assert.Equal(!strangerThere, Json(card).Contains("Huadong Precision", StringComparison.Ordinal));
    }

    [GeneratedRegex("`([^`<]+?)(?: <[^`]*>)?`")]
    private static partial Regex Backticked();
}
