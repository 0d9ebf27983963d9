using System.Text.Json.Nodes;
using TeamsCrm.Bot.Tests.Reminders;
using TeamsCrm.Bot.Tests.Transcripts;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Customers.CustomerSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Access;

/// <summary>
/// The audience rule, activity in → activities out: a sales manager's find in a team's channel and in a group chat where
/// a rep who does not own the file reads along. The conversation gets what the rep may see; the manager's full view goes
/// to her 1:1 chat (started by the bot), and the conversation a note that says so.
/// </summary>
public class SharedSpaceTranscripts
{
    public static JsonObject Member(DemoPerson p) => new() { ["id"] = p.TeamsId, ["name"] = p.Name, ["aadObjectId"] = p.AadObjectId };

    public static JsonObject Mentioning(JsonObject message)
    {
        message["text"] = "<at>TeamsCrm</at> " + (string)message["text"]!;
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>TeamsCrm</at>", ["mentioned"] = new JsonObject { ["id"] = Demo.BotId, ["name"] = "TeamsCrm" },
        });
        return message;
    }

    public static JsonObject InChannel(TestBot bot, DemoPerson from, string text, string locale = "en-US") =>
        Mentioning(Message(bot.ServiceUrl, from, text, locale).InChannel());

    public static JsonObject InGroupChat(TestBot bot, DemoPerson from, string text, string locale = "en-US") =>
        Mentioning(Message(bot.ServiceUrl, from, text, locale, conversationId: Demo.GroupChat, conversationType: "groupChat"));

    [Theory]
    [InlineData("en-US", "find")]
    [InlineData("zh-CN", "查找")]
    public async Task In_a_channel_the_managers_find_shows_everyone_the_reps_view_and_her_the_full_file_privately(string locale, string find)
    {
        await using var bot = await StartBotAsync();
        var huadong = await HuadongAsync(bot.Archive.Customers);   // Li Na's customer; Tom Becker, another rep, is in the channel
        bot.Connector.Members.AddRange([Member(Demo.WangFang), Member(Demo.LiNa), Member(Demo.TomBecker)]);

        await Transcript.VerifyAsync($"shared.find-channel.{locale}", bot, InChannel(bot, Demo.WangFang, $"{find} {huadong.Number}", locale));

        Assert.Contains(await bot.Archive.Customers.AccessLogAsync(huadong.Number),
            read => read.ReaderAadObjectId == Demo.WangFang.AadObjectId && read.What.Contains("group chat or channel", StringComparison.Ordinal) && !read.Full);
    }

    [Theory]
    [InlineData("en-US", "find")]
    [InlineData("zh-CN", "查找")]
    public async Task In_a_group_chat_the_managers_find_shows_everyone_the_reps_view_and_her_the_full_file_privately(string locale, string find)
    {
        await using var bot = await StartBotAsync();
        var huadong = await HuadongAsync(bot.Archive.Customers);
        bot.Connector.Members.AddRange([Member(Demo.WangFang), Member(Demo.TomBecker)]);

        await Transcript.VerifyAsync($"shared.find-group-chat.{locale}", bot, InGroupChat(bot, Demo.WangFang, $"{find} {huadong.Number}", locale));
    }

    [Fact]
    public async Task Open_on_the_shared_card_sends_each_person_their_own_view_in_their_1_1_chat()
    {
        await using var bot = await StartBotAsync();
        var huadong = await HuadongAsync(bot.Archive.Customers);
        bot.Connector.Members.AddRange([Member(Demo.WangFang), Member(Demo.LiNa), Member(Demo.TomBecker)]);
        var open = (DemoPerson who) => CardAction(bot.ServiceUrl, who, "customer.open", new JsonObject { ["number"] = huadong.Number })
            .InChannel().With("replyToId", "activity-7");

        await Transcript.VerifyAsync("shared.open-channel", bot, open(Demo.LiNa), open(Demo.TomBecker));
    }
}
