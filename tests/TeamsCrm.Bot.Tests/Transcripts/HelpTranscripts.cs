using System.Text.Json.Nodes;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Transcripts;

public class HelpTranscripts
{
    [Fact]
    public async Task Help_in_English_replies_with_the_help_card()
    {
        await using var bot = await TestBot.StartAsync();
        await Transcript.VerifyAsync("help.en", bot, Message(bot.ServiceUrl, Demo.LiNa, "help"));
    }

    [Fact]
    public async Task Help_in_Chinese_replies_with_the_Chinese_help_card()
    {
        await using var bot = await TestBot.StartAsync();
        await Transcript.VerifyAsync("help.zh-CN", bot, Message(bot.ServiceUrl, Demo.LiNa, "帮助", locale: "zh-CN"));
    }

    [Fact]
    public async Task Topic_button_replaces_the_card_and_back_returns_to_help()
    {
        await using var bot = await TestBot.StartAsync();
        await Transcript.VerifyAsync("help.topic.execute", bot,
            CardAction(bot.ServiceUrl, Demo.LiNa, "help.topic", new JsonObject { ["topic"] = "customers" }),
            CardAction(bot.ServiceUrl, Demo.LiNa, "help.show"));
    }

    [Fact]
    public async Task Topic_button_on_an_old_client_updates_the_card_through_the_connector()
    {
        await using var bot = await TestBot.StartAsync();
        await Transcript.VerifyAsync("help.topic.submit", bot,
            Submit(bot.ServiceUrl, Demo.TomBecker, "help.topic", new JsonObject { ["topic"] = "visits" }, locale: "zh-CN", replyToId: "card-7"));
    }

    [Fact]
    public async Task A_submit_with_no_card_to_replace_posts_the_card_as_a_new_message()
    {
        await using var bot = await TestBot.StartAsync();
        var submit = Submit(bot.ServiceUrl, Demo.LiNa, "help.topic", new JsonObject { ["topic"] = "approvals" });
        submit.Remove("replyToId");
        var result = await bot.PostAsync(submit);
        var call = Assert.Single(result.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal("Approvals", (string?)call.Card?["body"]?[0]?["text"]);
    }

    [Fact]
    public async Task Unknown_text_unknown_topic_and_unknown_verb_get_a_plain_answer()
    {
        await using var bot = await TestBot.StartAsync();
        await Transcript.VerifyAsync("help.not-understood", bot,
            Message(bot.ServiceUrl, Demo.LiNa, "what's the weather"),
            CardAction(bot.ServiceUrl, Demo.LiNa, "help.topic", new JsonObject { ["topic"] = "weather" }),
            CardAction(bot.ServiceUrl, Demo.LiNa, "retired.verb", locale: "zh-CN"));
    }

    [Fact]
    public async Task In_a_channel_the_bot_answers_its_mention_in_the_thread()
    {
        await using var bot = await TestBot.StartAsync();
        var message = Message(bot.ServiceUrl, Demo.ZhangWei, "<at>TeamsCrm</at> help", conversationId: Demo.TeamChannel + ";messageid=1700000000000", conversationType: "channel");
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>TeamsCrm</at>",
            ["mentioned"] = new JsonObject { ["id"] = Demo.BotId, ["name"] = "TeamsCrm" },
        });
        await Transcript.VerifyAsync("help.channel-mention", bot, message);
    }

    [Fact]
    public async Task A_typeahead_search_for_an_unknown_dataset_answers_no_choices()
    {
        await using var bot = await TestBot.StartAsync();
        var search = Message(bot.ServiceUrl, Demo.LiNa, "").With("type", "invoke").With("name", "application/search")
            .With("value", new JsonObject { ["queryText"] = "hua", ["dataset"] = "nothing", ["queryOptions"] = new JsonObject { ["skip"] = 0, ["top"] = 15 } });
        await Transcript.VerifyAsync("search.unknown-dataset", bot, search);
    }
}
