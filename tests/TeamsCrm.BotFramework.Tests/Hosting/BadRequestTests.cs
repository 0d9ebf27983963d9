using System.Text;
using System.Text.Json.Nodes;
using TeamsCrm.BotFramework.Hosting;
using TeamsCrm.TestSupport;

namespace TeamsCrm.BotFramework.Tests.Hosting;

/// <summary>Requests that are not an activity, or too large to be one, are refused with a 4xx and never processed.</summary>
public class BadRequestTests
{
    [Theory]
    [InlineData("{")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{ "type": 5 }""")]
    [InlineData("""{ "type": "message", "from": "29:not-an-object" }""")]
    [InlineData("""{ "type": "message", "timestamp": "yesterday" }""")]
    public async Task Malformed_json_is_a_400(string body)
    {
        await using var bot = await TestBot.StartAsync();

        var result = await bot.PostRawAsync(body);

        Assert.Equal(400, result.Status);
        Assert.Empty(result.Calls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_activity_without_a_type_is_a_400(string? type)
    {
        await using var bot = await TestBot.StartAsync();
        var activity = Activities.Message(bot.ServiceUrl, Demo.LiNa, "help");
        if (type is null) activity.Remove("type");
        else activity["type"] = type;

        var result = await bot.PostAsync(activity);

        Assert.Equal(400, result.Status);
        Assert.Empty(result.Calls);
        Assert.Null(await bot.Archive.Conversations.FindUserAsync(Demo.LiNa.AadObjectId));
    }

    [Fact]
    public async Task A_body_over_256_KB_with_a_Content_Length_is_a_413()
    {
        await using var bot = await TestBot.StartAsync();

        var result = await bot.PostAsync(MessageOfSize(bot, BotMessagesEndpoint.MaxBodyBytes + 1));

        Assert.Equal(413, result.Status);
        Assert.Empty(result.Calls);
    }

    [Fact]
    public async Task A_chunked_body_over_256_KB_is_a_413()
    {
        await using var bot = await TestBot.StartAsync();
        var bytes = Encoding.UTF8.GetBytes(MessageOfSize(bot, BotMessagesEndpoint.MaxBodyBytes + 1).ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new UnsizedContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await bot.Http.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(413, (int)response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }

    [Fact]
    public async Task A_chunked_body_just_under_the_limit_is_processed()
    {
        await using var bot = await TestBot.StartAsync();
        var bytes = Encoding.UTF8.GetBytes(MessageOfSize(bot, BotMessagesEndpoint.MaxBodyBytes).ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new UnsizedContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");

        using var response = await bot.Http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Single(bot.Connector.Calls);   // "not understood", quoting the start of the text
    }

    /// <summary>A message from Li Na whose UTF-8 JSON is exactly <paramref name="bytes"/> long.</summary>
    static JsonObject MessageOfSize(TestBot bot, int bytes)
    {
        var activity = Activities.Message(bot.ServiceUrl, Demo.LiNa, "");
        var overhead = Encoding.UTF8.GetByteCount(activity.ToJsonString());
        activity["text"] = "lorem " + new string('x', bytes - overhead - 6);
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(activity.ToJsonString()));
        return activity;
    }
}
