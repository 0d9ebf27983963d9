using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace TeamsCrm.FakeGraph.Tests;

public sealed partial class ItemTests
{
    [Fact]
    public async Task Creating_an_item_answers_201_with_id_eTag_dates_and_the_stored_fields()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 30, 15, TimeSpan.Zero));
        await using var bed = await GraphTestBed.StartAsync(new FakeGraphOptions { Clock = clock });
        var list = await bed.CreateCustomersAsync();

        var item = await bed.CreateItemAsync(list, new()
        {
            ["Title"] = "Huadong Precision", ["City"] = "上海", ["Code"] = "HD-1", ["Score"] = 4.5,
            ["Since"] = "2024-05-01T00:00:00Z", ["Active"] = true, ["Region"] = "North", ["OwnerLookupId"] = "7",
        });

        Assert.Equal("1", item.Id);
        Assert.Matches(ETagPattern(), item.ETag);
        Assert.EndsWith(",1\"", item.ETag);
        Assert.Equal(clock.GetUtcNow(), item.CreatedDateTime);
        Assert.Equal(clock.GetUtcNow(), item.LastModifiedDateTime);
        Assert.Equal("上海", item.Text("City"));
        Assert.Equal("4.5", item.Text("Score"));
        Assert.Equal("True", item.Text("Active"));
        Assert.Equal("7", item.Text("OwnerLookupId"));
        var stored = bed.Server.State.List("Customers").Find(1)!;
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), stored["Since"]);
        Assert.Equal(7, stored["Owner"]);
    }

    [Fact]
    public async Task An_item_is_read_with_all_fields_or_only_the_selected_ones()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        await bed.CreateItemAsync(list, new() { ["Title"] = "Acme", ["City"] = "Lyon", ["Code"] = "A1" });

        var all = (await bed.Items(list)["1"].GetAsync(c => c.QueryParameters.Expand = ["fields"]))!;
        var some = (await bed.Items(list)["1"].GetAsync(c => c.QueryParameters.Expand = ["fields(select=Title,City)"]))!;
        var bare = (await bed.Items(list)["1"].GetAsync())!;

        Assert.Equal("A1", all.Text("Code"));
        Assert.Equal("Acme", some.Text("Title"));
        Assert.Equal("Lyon", some.Text("City"));
        Assert.Null(some.Text("Code"));
        Assert.Null(bare.Fields);
        Assert.Equal(all.ETag, bare.ETag);
    }

    [Fact]
    public async Task Updating_with_the_current_eTag_changes_only_the_sent_fields_and_bumps_the_version()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        var created = await bed.CreateItemAsync(list, new() { ["Title"] = "Acme", ["City"] = "Lyon", ["Code"] = "A1" });

        var fields = (await bed.Items(list)["1"].Fields.PatchAsync(new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["City"] = "Paris" } },
            c => c.Headers.Add("If-Match", created.ETag!)))!;
        var after = (await bed.Items(list)["1"].GetAsync(c => c.QueryParameters.Expand = ["fields"]))!;

        Assert.Equal("Paris", fields.Text("City"));
        Assert.Equal("A1", after.Text("Code"));
        Assert.EndsWith(",2\"", after.ETag);
        Assert.Equal(after.ETag, fields.AdditionalData["@odata.etag"]?.ToString());
        Assert.Equal("2.0", after.Text("_UIVersionString"));
    }

    [Fact]
    public async Task A_stale_eTag_is_refused_with_412_and_nothing_changes()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        var created = await bed.CreateItemAsync(list, new() { ["Title"] = "Acme", ["City"] = "Lyon", ["Code"] = "A1" });
        await bed.Items(list)["1"].Fields.PatchAsync(new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["City"] = "Nice" } });

        var update = await Assert.ThrowsAsync<ODataError>(() => bed.Items(list)["1"].Fields.PatchAsync(
            new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["City"] = "Paris" } },
            c => c.Headers.Add("If-Match", created.ETag!)));
        var delete = await Assert.ThrowsAsync<ODataError>(() => bed.Items(list)["1"].DeleteAsync(c => c.Headers.Add("If-Match", created.ETag!)));

        Assert.Equal(412, update.ResponseStatusCode);
        Assert.Equal(412, delete.ResponseStatusCode);
        Assert.Equal("resourceModified", update.Error?.Code);
        var stored = bed.Server.State.List("Customers").Find(1)!;
        Assert.Equal("Nice", stored["City"]);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Of_concurrent_updates_sent_with_the_same_eTag_exactly_one_wins()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        var created = await bed.CreateItemAsync(list, new() { ["Title"] = "Acme", ["Code"] = "A1" });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await bed.Items(list)["1"].Fields.PatchAsync(new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["City"] = $"City {i}" } },
                    c => c.Headers.Add("If-Match", created.ETag!));
                return 200;
            }
            catch (ODataError e) { return e.ResponseStatusCode; }
        }));

        Assert.Equal(1, outcomes.Count(o => o == 200));
        Assert.Equal(7, outcomes.Count(o => o == 412));
        Assert.Equal(2, bed.Server.State.List("Customers").Find(1)!.Version);
    }

    [Fact]
    public async Task If_Match_star_matches_any_version_and_a_deleted_item_is_gone()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        await bed.CreateItemAsync(list, new() { ["Title"] = "Acme", ["Code"] = "A1" });
        await bed.CreateItemAsync(list, new() { ["Title"] = "Beta", ["Code"] = "B1" });

        await bed.Items(list)["1"].Fields.PatchAsync(new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["City"] = "Oslo" } },
            c => c.Headers.Add("If-Match", "*"));
        var current = bed.Server.State.List("Customers").Find(2)!.ETag;
        await bed.Items(list)["2"].DeleteAsync(c => c.Headers.Add("If-Match", current));
        var gone = await Assert.ThrowsAsync<ODataError>(() => bed.Items(list)["2"].GetAsync());

        Assert.Equal("Oslo", bed.Server.State.List("Customers").Find(1)!["City"]);
        Assert.Equal(404, gone.ResponseStatusCode);
        Assert.Single(bed.Server.State.List("Customers").Snapshot());
    }

    [GeneratedRegex("^\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12},\\d+\"$")]
    private static partial Regex ETagPattern();
}
