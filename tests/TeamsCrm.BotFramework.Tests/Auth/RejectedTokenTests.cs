using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using TeamsCrm.TestSupport;

namespace TeamsCrm.BotFramework.Tests.Auth;

/// <summary>Every failed check turns the request away before the app sees it: no reply, nothing stored.</summary>
public class RejectedTokenTests
{
    static readonly Dictionary<string, (Func<TestBot, string?> Authorization, int Status)> Cases = new()
    {
        ["no Authorization header"] = (_ => null, 401),
        ["Basic credentials"] = (_ => "Basic eHl6OnNlY3JldA==", 403),
        ["a bearer value that is not a JWT"] = (_ => "Bearer not-a-jwt", 403),
        ["an unsigned token (alg none)"] = (bot => "Bearer " + Unsigned(bot), 403),
        ["wrong issuer"] = (bot => Bearer(bot.Issuer!.Token(TestBot.AppId, Url(bot), issuer: "https://sts.windows.net/evil/", now: Now(bot))), 403),
        ["wrong audience"] = (bot => Bearer(bot.Issuer!.Token("another-bots-app-id", Url(bot), now: Now(bot))), 403),
        ["expired 6 minutes ago"] = (bot => Bearer(bot.Issuer!.Token(TestBot.AppId, Url(bot), now: Now(bot).AddMinutes(-66), lifetime: TimeSpan.FromHours(1))), 403),
        ["valid only from 10 minutes from now"] = (bot => Bearer(bot.Issuer!.Token(TestBot.AppId, Url(bot), now: Now(bot).AddMinutes(10))), 403),
        ["forged signature"] = (bot => Bearer(bot.Issuer!.Token(TestBot.AppId, Url(bot), now: Now(bot), forgeSignature: true)), 403),
        ["serviceurl claim for another service"] = (bot => Bearer(bot.Issuer!.Token(TestBot.AppId, "https://smba.trafficmanager.net/amer/", now: Now(bot))), 403),
        ["key endorsed only for webchat"] = (bot => Bearer(bot.Issuer!.Token(TestBot.AppId, Url(bot), now: Now(bot), keyId: TestIssuer.UnendorsedKeyId)), 403),
    };

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var name in Cases.Keys) names.Add(name);
        return names;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Is_turned_away_without_a_reply_or_a_trace(string why)
    {
        await using var bot = await TestBot.StartAsync(authenticated: true);
        var (authorization, expected) = Cases[why];

        var status = await AuthRequests.PostAsync(bot, Activities.Message(bot.ServiceUrl, Demo.LiNa, "help"), authorization(bot));

        Assert.Equal(expected, status);
        Assert.Empty(bot.Connector.Calls);
        Assert.Null(await bot.Archive.Conversations.FindUserAsync(Demo.LiNa.AadObjectId));
        Assert.Null(await bot.Archive.Conversations.FindConversationAsync(Demo.PersonalChat(Demo.LiNa)));
    }

    static string Bearer(string token) => "Bearer " + token;
    static string Url(TestBot bot) => bot.ServiceUrl.ToString();
    static DateTimeOffset Now(TestBot bot) => bot.Clock.GetUtcNow();

    /// <summary>Right claims, no signature: accepting it would let anyone speak for the Bot Connector.</summary>
    static string Unsigned(TestBot bot)
    {
        var now = Now(bot).ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = TestIssuer.KeyId };
        var payload = new JsonObject
        {
            ["iss"] = TestIssuer.Issuer, ["aud"] = TestBot.AppId, ["nbf"] = now, ["exp"] = now + 3600, ["serviceurl"] = Url(bot),
        };
        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.";
    }
}
