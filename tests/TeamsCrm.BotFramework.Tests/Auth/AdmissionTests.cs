using System.Text.Json.Nodes;
using TeamsCrm.TestSupport;

namespace TeamsCrm.BotFramework.Tests.Auth;

/// <summary>
/// A valid token is not enough: only Microsoft Teams, and with an app id only the allowed tenants (Bot:AllowedTenants,
/// by default Bot:TenantId), may talk to the bot. Everyone else is turned away before anything is processed.
/// </summary>
public class AdmissionTests
{
    const string OtherTenant = "0bad0000-0000-4000-8000-00000000e111";
    const string SecondTenant = "5ec0d000-0000-4000-8000-000000000002";

    public static TheoryData<string> ForgedTenants() => new()
    {
        "another tenant, said twice",
        "another tenant in conversation.tenantId only",
        "another tenant in channelData.tenant.id only",
        "ours in conversation.tenantId, another in channelData",
        "channelData.tenant that is not { id }",
        "no tenant at all",
    };

    [Theory]
    [MemberData(nameof(ForgedTenants))]
    public async Task A_forged_tenant_is_refused_with_nothing_changed(string forgery)
    {
        await using var bot = await TestBot.StartAsync(authenticated: true);
        var activity = Activities.Message(bot.ServiceUrl, Demo.LiNa, "help");
        var channelData = (JsonObject)activity["channelData"]!;
        switch (forgery)
        {
            case "another tenant, said twice":
                activity["conversation"]!["tenantId"] = OtherTenant;
                channelData["tenant"] = new JsonObject { ["id"] = OtherTenant };
                break;
            case "another tenant in conversation.tenantId only":
                activity["conversation"]!["tenantId"] = OtherTenant;
                channelData.Remove("tenant");
                break;
            case "another tenant in channelData.tenant.id only":
                ((JsonObject)activity["conversation"]!).Remove("tenantId");
                channelData["tenant"] = new JsonObject { ["id"] = OtherTenant };
                break;
            case "ours in conversation.tenantId, another in channelData":
                channelData["tenant"] = new JsonObject { ["id"] = OtherTenant };
                break;
            case "channelData.tenant that is not { id }":
                channelData["tenant"] = new JsonArray(Demo.TenantId);
                break;
            default:
                ((JsonObject)activity["conversation"]!).Remove("tenantId");
                channelData.Remove("tenant");
                break;
        }

        var result = await bot.PostAsync(activity, bot.TokenFor(bot.ServiceUrl));

        Assert.Equal(403, result.Status);
        await AssertNothingChangedAsync(bot);
    }

    [Theory]
    [InlineData("webchat", true)]     // a key endorsed for webchat signs it: the token passes, the channel does not
    [InlineData("emulator", false)]
    [InlineData("directline", false)]
    public async Task An_activity_from_another_channel_is_refused_with_nothing_changed(string channel, bool endorsed)
    {
        await using var bot = await TestBot.StartAsync(authenticated: true);
        var activity = Activities.Message(bot.ServiceUrl, Demo.LiNa, "help").With("channelId", channel);
        var token = bot.Issuer!.Token(TestBot.AppId, bot.ServiceUrl.ToString(), now: bot.Clock.GetUtcNow(),
            keyId: endorsed ? TestIssuer.UnendorsedKeyId : TestIssuer.KeyId);

        var result = await bot.PostAsync(activity, token);

        Assert.Equal(403, result.Status);
        await AssertNothingChangedAsync(bot);
    }

    [Fact]
    public async Task A_second_tenant_in_the_allowed_list_is_served()
    {
        await using var bot = await TestBot.StartAsync(authenticated: true, settings: new Dictionary<string, string?>
        {
            ["Bot:AllowedTenants:0"] = Demo.TenantId, ["Bot:AllowedTenants:1"] = SecondTenant,
        });
        var activity = Activities.Message(bot.ServiceUrl, Demo.LiNa, "help");
        activity["conversation"]!["tenantId"] = SecondTenant;
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = SecondTenant.ToUpperInvariant() } };

        var result = await bot.PostAsync(activity, bot.TokenFor(bot.ServiceUrl));

        Assert.Equal(200, result.Status);
        Assert.Single(result.Calls);   // the help card
        Assert.Equal(SecondTenant, (await bot.Archive.Conversations.FindUserAsync(Demo.LiNa.AadObjectId))?.TenantId);
    }

    [Fact]
    public async Task The_allowed_list_replaces_the_bots_own_tenant()
    {
        await using var bot = await TestBot.StartAsync(authenticated: true, settings: new Dictionary<string, string?>
        {
            ["Bot:AllowedTenants:0"] = SecondTenant,
        });

        var result = await bot.PostAsync(Activities.Message(bot.ServiceUrl, Demo.LiNa, "help"), bot.TokenFor(bot.ServiceUrl));

        Assert.Equal(403, result.Status);
        await AssertNothingChangedAsync(bot);
    }

    [Fact]
    public async Task In_local_mode_the_channel_is_checked_and_the_tenant_is_not()
    {
        await using var bot = await TestBot.StartAsync();
        var foreign = Activities.Message(bot.ServiceUrl, Demo.LiNa, "help");
        foreign["conversation"]!["tenantId"] = OtherTenant;
        foreign["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = SecondTenant } };

        var webchat = await bot.PostAsync(Activities.Message(bot.ServiceUrl, Demo.LiNa, "help").With("channelId", "webchat"));
        Assert.Equal(403, webchat.Status);
        await AssertNothingChangedAsync(bot);

        var served = await bot.PostAsync(foreign);
        Assert.Equal(200, served.Status);
        Assert.Single(served.Calls);
    }

    static async Task AssertNothingChangedAsync(TestBot bot)
    {
        Assert.Empty(bot.Connector.Calls);
        Assert.Null(await bot.Archive.Conversations.FindUserAsync(Demo.LiNa.AadObjectId));
        Assert.Null(await bot.Archive.Conversations.FindConversationAsync(Demo.PersonalChat(Demo.LiNa)));
    }
}
