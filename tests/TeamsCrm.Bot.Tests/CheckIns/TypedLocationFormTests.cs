using TeamsCrm.Bot.Tests.Customers;
using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.CheckIns;

/// <summary>The customer's coordinates typed on the file's form: kept in one form, or refused beside the field with every value kept.</summary>
public sealed class TypedLocationFormTests
{
    [Fact]
    public async Task Coordinates_on_the_form_are_kept_in_one_form_and_nonsense_comes_back_beside_the_field()
    {
        await using var bot = await TestBot.StartAsync();

        var refusedData = CustomerSeeds.NewCompany(Guid.NewGuid().ToString("D"));
        refusedData["coordinates"] = "north of the river";
        var refused = (await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", refusedData))).InvokeCard!;
        var text = System.Text.RegularExpressions.Regex.Unescape(refused.ToJsonString());
        Assert.Contains("Type the latitude and longitude as a map gives them", text, StringComparison.Ordinal);
        Assert.Equal("north of the river", (string?)CardInputs.Values(refused)["coordinates"]);
        Assert.Empty(await bot.Archive.Customers.FindByNamePrefixAsync("Nanjing Steel", 5));

        var data = CustomerSeeds.NewCompany(Guid.NewGuid().ToString("D"));
        data["coordinates"] = "32.0603，118.7969";
        await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "customer.create", data));
        Assert.Equal("32.060300, 118.796900", Assert.Single(await bot.Archive.Customers.FindByNamePrefixAsync("Nanjing Steel", 5)).Coordinates);
    }
}
