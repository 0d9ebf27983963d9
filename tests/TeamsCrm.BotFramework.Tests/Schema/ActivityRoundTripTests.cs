using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.BotFramework.Tests.Schema;

public class ActivityRoundTripTests
{
    [Fact]
    public void Unknown_properties_survive_at_every_level()
    {
        var activity = RoundTrip.AssertUnchanged(TeamsJson.WithUnknownProperties);

        Assert.Equal("hello", activity.Text);
        Assert.Equal("bot", activity.Recipient!.Role);
        Assert.True(activity.Extra!.ContainsKey("suggestedActions"));
        Assert.True(activity.From!.Extra!.ContainsKey("userPrincipalName"));
        Assert.True(activity.Conversation!.Extra!.ContainsKey("conversationSubType"));
        Assert.True(activity.Attachments![0].Extra!.ContainsKey("thumbnailUrl"));
        Assert.True(activity.Entities![0].Extra!.ContainsKey("futureScore"));
    }

    [Fact]
    public void A_Teams_channel_message_survives_and_reads_as_a_channel_message()
    {
        var activity = RoundTrip.AssertUnchanged(TeamsJson.ChannelMessage);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("channel", activity.Conversation!.ConversationType);
        Assert.True(activity.Conversation.IsGroup);
        Assert.Equal("19:sales-east@thread.tacv2;messageid=1763799330123", activity.Conversation.Id);
        Assert.Equal("7a1c0000-0000-4000-8000-000000000011", activity.From!.AadObjectId);
        Assert.Equal(["mention", "clientInfo"], activity.Entities!.Select(e => e.Type));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 16, 15, 30, TimeSpan.FromHours(8)).AddTicks(1234567), activity.LocalTimestamp);
        Assert.Equal("Asia/Shanghai", activity.LocalTimezone);
    }

    [Fact]
    public void An_adaptive_card_action_invoke_survives_with_its_verb_and_inputs()
    {
        var activity = RoundTrip.AssertUnchanged(TeamsJson.CardActionInvoke);

        Assert.Equal(ActivityTypes.Invoke, activity.Type);
        Assert.Equal(InvokeNames.AdaptiveCardAction, activity.Name);
        Assert.Equal("1763799330999", activity.ReplyToId);
        Assert.Equal("visit.save", (string?)activity.Value!["action"]!["verb"]);
        Assert.Equal("客户预算冻结 \"Q1\"", (string?)activity.Value["action"]!["data"]!["note"]);
        Assert.Equal(12000.50m, (decimal)activity.Value["action"]!["data"]!["amount"]!);
    }
}
