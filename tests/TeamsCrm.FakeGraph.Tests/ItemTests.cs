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

    [Fact]
    public async Task A_duplicate_in_a_unique_column_is_refused_with_409_whatever_its_case_and_nothing_is_written()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        await bed.CreateItemAsync(list, new() { ["Title"] = "Acme", ["Code"] = "A1" });
        await bed.CreateItemAsync(list, new() { ["Title"] = "Beta", ["Code"] = "B1" });

        var create = await Assert.ThrowsAsync<ODataError>(() => bed.CreateItemAsync(list, new() { ["Title"] = "Copy", ["Code"] = "a1" }));
        var update = await Assert.ThrowsAsync<ODataError>(() => bed.Items(list)["2"].Fields.PatchAsync(
            new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["City"] = "Rome", ["Code"] = "A1" } }));

        Assert.Equal(409, create.ResponseStatusCode);
        Assert.Equal(409, update.ResponseStatusCode);
        Assert.Contains("duplicate values", create.Error?.Message);
        Assert.Contains("[Code]", create.Error?.Message);
        var items = bed.Server.State.List("Customers").Snapshot();
        Assert.Equal(2, items.Count);
        Assert.Null(items[1]["City"]);          // the refused update changed no field at all
        Assert.Equal(1, items[1].Version);
    }

    [Fact]
    public async Task Freeing_a_unique_value_lets_another_item_take_it()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        await bed.CreateItemAsync(list, new() { ["Title"] = "Acme", ["Code"] = "A1" });
        await bed.Items(list)["1"].Fields.PatchAsync(new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Code"] = "A2" } });

        var second = await bed.CreateItemAsync(list, new() { ["Title"] = "Beta", ["Code"] = "A1" });
        await bed.Items(list)["1"].DeleteAsync();
        var third = await bed.CreateItemAsync(list, new() { ["Title"] = "Gamma", ["Code"] = "A2" });

        Assert.Equal("2", second.Id);
        Assert.Equal("3", third.Id);            // ids are never reused, as in SharePoint
    }

    [Theory]
    [InlineData("Title", null, "required")]
    [InlineData("Code", "123456789012345678901", "at most 20")]
    [InlineData("Nope", "x", "not recognized")]
    [InlineData("Score", "many", "not valid")]
    [InlineData("Created", "2024-01-01T00:00:00Z", "read-only")]
    public async Task Invalid_fields_are_refused_with_400(string field, string? value, string message)
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        var fields = new Dictionary<string, object> { ["Title"] = "Acme" };
        if (value is null) fields.Remove(field); else fields[field] = value;

        var error = await Assert.ThrowsAsync<ODataError>(() => bed.CreateItemAsync(list, fields));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Contains(message, error.Error?.Message);
        Assert.Empty(bed.Server.State.List("Customers").Snapshot());
    }

    [Fact]
    public async Task A_single_line_holds_255_characters_and_multiple_lines_far_more()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();

        await bed.CreateItemAsync(list, new() { ["Title"] = new string('t', 255), ["Notes"] = new string('n', 10_000) });
        var error = await Assert.ThrowsAsync<ODataError>(() => bed.CreateItemAsync(list, new() { ["Title"] = new string('t', 256) }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Single(bed.Server.State.List("Customers").Snapshot());
    }

    [GeneratedRegex("^\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12},\\d+\"$")]
    private static partial Regex ETagPattern();
}
