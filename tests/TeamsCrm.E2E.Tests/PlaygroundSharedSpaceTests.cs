using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.TestSupport;

namespace TeamsCrm.E2E.Tests;

/// <summary>
/// The audience rule in the local Teams client, tried as a sales manager would: Wang Fang (the playground of
/// tests/e2e/playground-manager.yml, whose group chat and team have Li Na and Tom Becker, reps, among their members)
/// types "@TeamsCrm find C-2026-00001" in the group chat and "@TeamsCrm team day" in the team's channel. What appears
/// there is what Tom, who does not own the file, may see; the full file and the team's day reach her own 1:1 chat. The
/// rosters are the playground's own (its members API); the bot runs in-process on SQLite with the production composition.
/// </summary>
public sealed class PlaygroundSharedSpaceTests
{
    const string GroupChat = "19:demo-group-chat@thread.v2";      // groupChat.id in playground-manager.yml
    const string Channel = "19:demo-team-general@thread.tacv2";   // team.id: its General channel
    const string Phone = "+86 21 5555 0100";
    static readonly DateTimeOffset Now = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
    static readonly string WangFang = Demo.WangFang.TeamsId;

    [Fact]
    public async Task The_managers_find_and_team_day_show_the_others_only_what_a_rep_may_see_and_reach_her_privately()
    {
        await using var bot = await TestBot.StartAsync(now: Now);
        var huadong = await SeedAsync(bot);
        await using var playground = await PlaygroundProcess.StartAsync(bot.BaseUrl,
            Path.Combine(PlaygroundProcess.RepoRoot(), "tests", "e2e", "playground-manager.yml"));
        await using var client = await playground.ConnectAsync();

        // The group chat: the redacted card for everyone, a note to her, the full file in her 1:1 chat.
        await client.MentionAsync(GroupChat, WangFang, Demo.BotId, "TeamsCrm", $"find {huadong.Number}");
        var shared = await client.WaitForAsync("the card everyone in the group chat sees", m => m.ConversationId == GroupChat && m.Card is not null);
        Assert.Equal("Huadong Precision", shared.CardTitle);
        Assert.DoesNotContain(Phone, Text(shared.Card), StringComparison.Ordinal);
        Assert.Contains("Wang Lei", Text(shared.Card), StringComparison.Ordinal);   // a contact's name and title: everyone may see them
        var note = await client.WaitForAsync("the note in the group chat", m => m.ConversationId == GroupChat && m.Text is not null);
        Assert.Contains("<at>Wang Fang</at>", note.Text, StringComparison.Ordinal);
        var mine = await client.WaitForAsync("the full file in her 1:1 chat", m => m.ConversationId != GroupChat && m.Card is not null);
        Assert.Contains(Phone, Text(mine.Card), StringComparison.Ordinal);

        // Open on the shared card, as Tom would press it: his own view goes to his 1:1 chat, the answer says so.
        var open = AdaptiveCardJson.Button(shared.Card!, "Open");
        var answer = await client.ExecuteAsync(GroupChat, Demo.TomBecker.TeamsId, shared.MessageId, open);
        Assert.Equal("I sent it to your chat with TeamsCrm.", (string?)answer["value"]);

        // The channel: team day names customers and results, which only leaders and managers see: 1:1 only.
        var mention = await client.MentionAsync(Channel, WangFang, Demo.BotId, "TeamsCrm", "team day");
        var thread = (string?)mention["postConversationId"] ?? Channel;
        var channelNote = await client.WaitForAsync("the note in the channel", m => m.ConversationId.StartsWith(Channel, StringComparison.Ordinal));
        Assert.Equal(thread, channelNote.ConversationId);
        Assert.Null(channelNote.Card);
        Assert.Contains("<at>Wang Fang</at>", channelNote.Text, StringComparison.Ordinal);
        var teamDay = await client.WaitForAsync("team day in her 1:1 chat", m => !m.ConversationId.StartsWith(Channel, StringComparison.Ordinal)
            && m.ConversationId != GroupChat && m.Card is not null);
        Assert.Contains("Huadong Precision", Text(teamDay.Card), StringComparison.Ordinal);
        Assert.Equal(mine.ConversationId, teamDay.ConversationId);
    }

    static string Text(JsonObject? card) => card?.ToJsonString(new System.Text.Json.JsonSerializerOptions
        { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "";

    /// <summary>Li Na's customer with a contact, and her visit there today.</summary>
    static async Task<Customer> SeedAsync(TestBot bot)
    {
        var files = bot.Archive.Customers;
        var created = await files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "Huadong Precision", Demo.LiNa.AadObjectId, Phone: Phone,
            Contacts: [new NewContact("Wang Lei", "Purchasing manager", "138 0013 8000", null, ContactRole.Primary)]), Guid.NewGuid().ToString("D"));
        var active = await files.UpdateAsync(created with { Status = CustomerStatus.Active }, []);
        await bot.Archive.Visits.AddOnceAsync(new Visit
        {
            Id = "v1", CustomerNumber = active.Number, CustomerName = active.Name, RepAadObjectId = Demo.LiNa.AadObjectId,
            Time = Now.AddHours(-2), TimeZoneId = "UTC", SubmissionId = Guid.NewGuid().ToString("D"), CreatedAt = Now, Notes = "Pricing talk",
        });
        return active;
    }
}
