using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using TeamsCrm.FakeGraph.State;

namespace TeamsCrm.FakeGraph.Tests;

public sealed class DirectoryAndSeedingTests
{
    [Fact]
    public async Task A_seeded_manager_is_returned_and_a_user_without_one_gets_404()
    {
        await using var bed = await GraphTestBed.StartAsync();
        bed.Server.Directory.AddUser(new FakeUser("boss-1", "Zhang Wei", "zhang.wei@contoso.com", "zhang.wei@contoso.com"));
        bed.Server.Directory.AddUser(new FakeUser("rep-1", "Li Na", "li.na@contoso.com", "li.na@contoso.com"), managerId: "boss-1");

        var manager = await bed.Graph.Users["rep-1"].Manager.GetAsync();
        var byUpn = await bed.Graph.Users["li.na@contoso.com"].Manager.GetAsync();
        var none = await Assert.ThrowsAsync<ODataError>(() => bed.Graph.Users["boss-1"].Manager.GetAsync());
        var unknown = await Assert.ThrowsAsync<ODataError>(() => bed.Graph.Users["ghost"].Manager.GetAsync());

        var user = Assert.IsType<User>(manager);
        Assert.Equal("boss-1", user.Id);
        Assert.Equal("Zhang Wei", user.DisplayName);
        Assert.Equal("boss-1", byUpn!.Id);
        Assert.Equal(404, none.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", none.Error?.Code);
        Assert.Equal(404, unknown.ResponseStatusCode);
        Assert.Equal(4, bed.Server.Counters[RouteKind.GetManager]);
    }

    [Fact]
    public async Task A_fake_running_on_its_own_is_seeded_and_steered_over_HTTP_under_fake()
    {
        await using var bed = await GraphTestBed.StartAsync();
        using var control = new HttpClient { BaseAddress = new Uri(bed.Server.BaseUrl.Replace("/v1.0", "/_fake/")) };

        var seeded = await control.PostAsync("users", new StringContent(
            """[{"id":"boss-1","displayName":"Zhang Wei"},{"id":"rep-1","displayName":"Li Na","managerId":"boss-1"}]"""));
        var manager = await bed.Graph.Users["rep-1"].Manager.GetAsync();
        await control.PostAsync("throttle?count=1&retryAfter=2", null);
        var throttled = await Assert.ThrowsAsync<ODataError>(() => bed.Graph.Users["rep-1"].Manager.GetAsync());
        await control.PostAsync("reset", null);
        var reset = await Assert.ThrowsAsync<ODataError>(() => bed.Graph.Users["rep-1"].Manager.GetAsync());

        Assert.True(seeded.IsSuccessStatusCode);
        Assert.Equal("Zhang Wei", Assert.IsType<User>(manager).DisplayName);
        Assert.Equal(429, throttled.ResponseStatusCode);
        Assert.Equal(404, reset.ResponseStatusCode);
    }

    [Fact]
    public async Task Seeding_twenty_thousand_items_applies_the_column_rules_without_HTTP()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        bed.Server.ResetCounters();

        bed.Seed(list, 20_000, i => new() { ["Title"] = $"Customer {i}", ["Code"] = $"S{i}", ["Since"] = new DateTime(2024, 1, 1).AddDays(i % 365), ["Score"] = i });
        var duplicate = Assert.Throws<TeamsCrm.FakeGraph.Protocol.GraphError>(() => bed.Seed(list, 1, _ => new() { ["Title"] = "Again", ["Code"] = "s1" }));
        var last = (await bed.Items(list)["20000"].GetAsync(c => c.QueryParameters.Expand = ["fields"]))!;

        Assert.Equal(1, bed.Server.Counters.HttpCalls);            // the one read; seeding made no call
        Assert.Equal(409, duplicate.Status);
        Assert.Equal(20_000, bed.Server.State.List("Customers").Count);
        Assert.Equal("S20000", last.Text("Code"));
        Assert.EndsWith(",1\"", last.ETag);
    }
}
