using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using GraphList = Microsoft.Graph.Models.List;

namespace TeamsCrm.FakeGraph.Tests;

public sealed class ListAndColumnTests
{
    [Fact]
    public async Task A_created_list_has_the_template_Title_and_its_columns_and_is_found_by_name()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var id = await bed.CreateCustomersAsync();

        var found = await bed.Graph.Sites[GraphTestBed.Site].Lists.GetAsync(c =>
        {
            c.QueryParameters.Filter = "displayName eq 'Customers'";
            c.QueryParameters.Expand = ["columns"];
        });

        var list = Assert.Single(found!.Value!);
        Assert.Equal(id, list.Id);
        Assert.Equal("genericList", list.ListProp?.Template);
        var columns = list.Columns!.ToDictionary(c => c.Name!);
        Assert.True(columns["Title"].Required);
        Assert.Equal(255, columns["Title"].Text?.MaxLength);
        Assert.True(columns["Code"].EnforceUniqueValues);
        Assert.True(columns["Code"].Indexed);
        Assert.Equal(20, columns["Code"].Text?.MaxLength);
        Assert.Equal("dateOnly", columns["Since"].DateTime?.Format);
        Assert.Equal(["North", "South"], columns["Region"].Choice?.Choices);
        Assert.NotNull(columns["Owner"].PersonOrGroup);
        Assert.True(columns["Notes"].Text?.AllowMultipleLines);
    }

    [Fact]
    public async Task Provisioning_twice_finds_the_list_and_adds_only_the_missing_column_and_index()
    {
        await using var bed = await GraphTestBed.StartAsync();
        await bed.CreateCustomersAsync();

        // What an idempotent provisioner does on its second run: look up by name, add what is missing.
        var lists = await bed.Graph.Sites[GraphTestBed.Site].Lists.GetAsync(c => c.QueryParameters.Filter = "displayName eq 'customers'");
        var list = Assert.Single(lists!.Value!);
        var existing = await bed.Graph.Sites[GraphTestBed.Site].Lists[list.Id].Columns.GetAsync();
        Assert.Contains(existing!.Value!, c => c.Name == "City");
        await bed.Graph.Sites[GraphTestBed.Site].Lists[list.Id].Columns.PostAsync(new ColumnDefinition { Name = "Segment", Text = new TextColumn() });
        var score = existing.Value!.Single(c => c.Name == "Score");
        var patched = await bed.Graph.Sites[GraphTestBed.Site].Lists[list.Id].Columns[score.Id].PatchAsync(new ColumnDefinition { Indexed = true });

        Assert.True(patched!.Indexed);
        Assert.True(bed.Server.State.List("Customers").Column("Score")!.Indexed);
        Assert.NotNull(bed.Server.State.List("Customers").Column("Segment"));
        Assert.Single(bed.Server.State.Site(GraphTestBed.Site).Lists);
    }

    [Fact]
    public async Task A_second_list_with_the_same_title_is_refused()
    {
        await using var bed = await GraphTestBed.StartAsync();
        await bed.CreateCustomersAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => bed.CreateCustomersAsync("CUSTOMERS"));

        Assert.Equal(409, error.ResponseStatusCode);
        Assert.Equal("nameAlreadyExists", error.Error?.Code);
    }

    [Fact]
    public async Task A_list_is_read_by_id_or_by_title_and_a_missing_one_is_404()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var id = await bed.CreateCustomersAsync();

        var byTitle = await bed.Graph.Sites[GraphTestBed.Site].Lists["Customers"].GetAsync();
        var missing = await Assert.ThrowsAsync<ODataError>(() => bed.Graph.Sites[GraphTestBed.Site].Lists["Nope"].GetAsync());

        Assert.Equal(id, byTitle!.Id);
        Assert.Equal(404, missing.ResponseStatusCode);
        Assert.Equal("itemNotFound", missing.Error?.Code);
    }

    [Fact]
    public async Task Unique_values_need_an_index_like_in_SharePoint()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var id = await bed.CreateCustomersAsync();
        var columns = bed.Graph.Sites[GraphTestBed.Site].Lists[id].Columns;

        var unindexed = await Assert.ThrowsAsync<ODataError>(() => columns.PostAsync(new ColumnDefinition
        {
            Name = "TaxId", Text = new TextColumn(), EnforceUniqueValues = true,
        }));
        var code = bed.Server.State.List("Customers").Column("Code")!;
        var dropIndex = await Assert.ThrowsAsync<ODataError>(() => columns[code.Id].PatchAsync(new ColumnDefinition { Indexed = false }));
        var multiLine = await Assert.ThrowsAsync<ODataError>(() => columns.PostAsync(new ColumnDefinition
        {
            Name = "Memo", Text = new TextColumn { AllowMultipleLines = true }, Indexed = true,
        }));

        Assert.All(new[] { unindexed, dropIndex, multiLine }, e => Assert.Equal(400, e.ResponseStatusCode));
        Assert.Contains("indexed", unindexed.Error?.Message);
        Assert.Null(bed.Server.State.List("Customers").Column("TaxId"));
        Assert.True(code.Indexed);
    }

    [Fact]
    public async Task A_column_cannot_become_unique_while_its_items_repeat_a_value()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var id = await bed.CreateCustomersAsync();
        await bed.CreateItemAsync(id, new() { ["Title"] = "A", ["City"] = "Lyon" });
        await bed.CreateItemAsync(id, new() { ["Title"] = "B", ["City"] = "LYON" });   // unique checks ignore case
        var city = bed.Server.State.List("Customers").Column("City")!;

        var error = await Assert.ThrowsAsync<ODataError>(() =>
            bed.Graph.Sites[GraphTestBed.Site].Lists[id].Columns[city.Id].PatchAsync(new ColumnDefinition { EnforceUniqueValues = true }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.False(bed.Server.State.List("Customers").Column("City")!.EnforceUniqueValues);
    }

    [Fact]
    public async Task A_list_takes_at_most_twenty_indexes()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.Graph.Sites[GraphTestBed.Site].Lists.PostAsync(new GraphList { DisplayName = "Wide", ListProp = new ListInfo { Template = "genericList" } });
        var columns = bed.Graph.Sites[GraphTestBed.Site].Lists[list!.Id].Columns;
        for (var i = 1; i <= 20; i++) await columns.PostAsync(new ColumnDefinition { Name = $"C{i}", Number = new NumberColumn(), Indexed = true });

        var error = await Assert.ThrowsAsync<ODataError>(() => columns.PostAsync(new ColumnDefinition { Name = "C21", Number = new NumberColumn(), Indexed = true }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal(20, bed.Server.State.List("Wide").Columns.Count(c => c.Indexed && c.Name != "ID"));
    }

    [Fact]
    public async Task A_site_addressed_by_host_and_path_gets_a_composite_id_that_works_afterwards()
    {
        await using var bed = await GraphTestBed.StartAsync();

        var site = await bed.Graph.Sites["contoso.sharepoint.com:/sites/crm:"].GetAsync();
        await bed.Graph.Sites[site!.Id].Lists.PostAsync(new GraphList { DisplayName = "Visits", ListProp = new ListInfo { Template = "genericList" } });
        var again = await bed.Graph.Sites["contoso.sharepoint.com:/sites/crm:"].GetAsync();

        Assert.StartsWith("contoso.sharepoint.com,", site.Id);
        Assert.Equal(3, site.Id!.Split(',').Length);
        Assert.Equal(site.Id, again!.Id);
        Assert.NotNull(bed.Server.State.FindList(site.Id, "Visits"));
    }
}
