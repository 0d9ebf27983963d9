using System.Text;
using System.Text.Json.Nodes;
using TeamsCrm.TestSupport;

namespace TeamsCrm.BotFramework.Tests.Auth;

static class AuthRequests
{
    /// <summary>Posts an activity with exactly this Authorization header (none when null); returns the status.</summary>
    public static async Task<int> PostAsync(TestBot bot, JsonNode activity, string? authorization)
    {
        bot.Connector.Clear();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await bot.Http.SendAsync(request);
        return (int)response.StatusCode;
    }
}
