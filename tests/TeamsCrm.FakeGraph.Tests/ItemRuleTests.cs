using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace TeamsCrm.FakeGraph.Tests;

/// <summary>What SharePoint refuses to store: duplicates in unique columns, missing required fields, unknown, read-only, mistyped or too long values.</summary>
public sealed class ItemRuleTests
{
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
}
