using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Tests.Archive.SharePoint;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Scale;

/// <summary>
/// Two instances of the bot behind one address, as an App Service plan with two instances runs them: one SharePoint (the
/// fake Graph), one fake connector, and — when given — one real redis-server as <c>Scale:Redis</c>.
/// </summary>
public static class TwoInstances
{
    public static Dictionary<string, string?> Settings(FakeSharePoint sharePoint, RedisServer? redis, IDictionary<string, string?>? more = null)
    {
        var settings = sharePoint.BotSettings();
        settings["Host:Instances"] = "2";
        settings["Export:SigningKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        if (redis is not null) settings["Scale:Redis"] = redis.ConnectionString;
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    /// <summary>Delivers an activity as the connector does, without clearing the shared connector's record (the other instance's calls count).</summary>
    public static async Task<int> DeliverAsync(TestBot bot, JsonNode activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        if (bot.Issuer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bot.TokenFor(bot.ServiceUrl));
        using var response = await bot.Http.SendAsync(request);
        return (int)response.StatusCode;
    }
}
