using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace TeamsCrm.FakeGraph.Tests;

public sealed class QueryTests
{
    static async Task<(GraphTestBed Bed, string List)> StartWithCustomersAsync()
    {
        var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        await bed.CreateItemAsync(list, new() { ["Title"] = "O'Brien Tools", ["City"] = "O'Brien", ["Code"] = "C1", ["Since"] = "2021-01-10T00:00:00Z", ["Score"] = 3 });
        await bed.CreateItemAsync(list, new() { ["Title"] = "华东精密", ["City"] = "上海", ["Code"] = "C2", ["Since"] = "2023-06-01T00:00:00Z", ["Score"] = 9 });
        await bed.CreateItemAsync(list, new() { ["Title"] = "Shanghai Motors", ["City"] = "上海", ["Code"] = "C3", ["Since"] = "2022-03-15T00:00:00Z", ["Score"] = 5 });
        await bed.CreateItemAsync(list, new() { ["Title"] = "Lyon Verre", ["City"] = "Lyon", ["Code"] = "D1", ["Since"] = "2020-11-30T00:00:00Z" });
        return (bed, list);
    }

    static async Task<List<string>> CodesAsync(GraphTestBed bed, string list, string? filter, string? orderBy = null)
    {
        var page = await bed.Items(list).GetAsync(c =>
        {
            c.QueryParameters.Filter = filter;
            c.QueryParameters.Orderby = orderBy is null ? null : [orderBy];
            c.QueryParameters.Expand = ["fields(select=Code,City)"];
        });
        return page!.Value!.Select(i => i.Text("Code")!).ToList();
    }

    [Fact]
    public async Task A_quote_in_a_literal_is_doubled_and_matches_the_stored_text()
    {
        var (bed, list) = await StartWithCustomersAsync();
        await using var _ = bed;

        Assert.Equal(["C1"], await CodesAsync(bed, list, "fields/City eq 'O''Brien'"));
        Assert.Equal(["C1"], await CodesAsync(bed, list, "fields/Code eq 'c1'"));       // text compares without case
    }

    [Fact]
    public async Task Chinese_text_filters_and_startswith_matches_a_prefix()
    {
        var (bed, list) = await StartWithCustomersAsync();
        await using var _ = bed;

        Assert.Equal(["C2", "C3"], await CodesAsync(bed, list, "fields/City eq '上海'"));
        Assert.Equal(["C1", "C2", "C3"], await CodesAsync(bed, list, "startswith(fields/Code,'C')"));
        Assert.Equal(["C2", "C3"], await CodesAsync(bed, list, "startswith(fields/City,'上')"));
    }

    [Fact]
    public async Task Startswith_on_an_indexed_column_ignores_case_and_follows_updates_and_deletes()
    {
        var (bed, list) = await StartWithCustomersAsync();
        await using var _ = bed;
        var lyon = (await bed.Items(list).GetAsync(c => c.QueryParameters.Filter = "fields/Code eq 'D1'"))!.Value!.Single();
        var brien = (await bed.Items(list).GetAsync(c => c.QueryParameters.Filter = "fields/Code eq 'C1'"))!.Value!.Single();

        await bed.Items(list)[lyon.Id].Fields.PatchAsync(new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["City"] = "shanghai-west" } });
        await bed.Items(list)[brien.Id].DeleteAsync();

        Assert.Equal(["D1"], await CodesAsync(bed, list, "startswith(fields/City,'SHANGHAI')"));
        Assert.Equal(["C2", "C3"], await CodesAsync(bed, list, "startswith(fields/Code,'c')"));
        Assert.Empty(await CodesAsync(bed, list, "startswith(fields/City,'Lyon')"));
    }

    [Fact]
    public async Task Comparisons_use_the_column_type_and_combine_with_and_or()
    {
        var (bed, list) = await StartWithCustomersAsync();
        await using var _ = bed;

        Assert.Equal(["C2", "C3"], await CodesAsync(bed, list, "fields/Since ge '2022-01-01T00:00:00Z'"));
        Assert.Equal(["C1", "D1"], await CodesAsync(bed, list, "fields/Since lt '2022-01-01'"));
        Assert.Equal(["C3"], await CodesAsync(bed, list, "fields/City eq '上海' and fields/Code ne 'C2'"));
        Assert.Equal(["C1", "D1"], await CodesAsync(bed, list, "fields/City eq 'Lyon' or fields/Code eq 'C1'"));
        Assert.Equal(["C2", "C3"], await CodesAsync(bed, list, "fields/Since gt '2021-06-01' and (fields/City eq '上海' or fields/City eq 'Lyon')"));
        Assert.Equal(["D1"], await CodesAsync(bed, list, "fields/ID eq 4"));
    }

    [Fact]
    public async Task Orderby_sorts_ascending_or_descending_on_an_indexed_column()
    {
        var (bed, list) = await StartWithCustomersAsync();
        await using var _ = bed;

        Assert.Equal(["D1", "C1", "C3", "C2"], await CodesAsync(bed, list, null, "fields/Since"));
        Assert.Equal(["C2", "C3", "C1", "D1"], await CodesAsync(bed, list, null, "fields/Since desc"));
        Assert.Equal(["C2", "C3"], await CodesAsync(bed, list, "fields/City eq '上海'", "fields/Code asc"));
    }

    [Fact]
    public async Task Malformed_filters_are_refused_with_400()
    {
        var (bed, list) = await StartWithCustomersAsync();
        await using var _ = bed;

        foreach (var filter in new[] { "City eq 'x'", "fields/City eq 'unclosed", "fields/City like 'x'", "fields/Nope eq 'x'", "fields/Since eq 'soon'" })
        {
            var error = await Assert.ThrowsAsync<ODataError>(() => CodesAsync(bed, list, filter));
            Assert.Equal(400, error.ResponseStatusCode);
        }
    }

    [Fact]
    public async Task Twenty_thousand_items_page_through_nextLink_until_it_is_absent()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        bed.Seed(list, 20_000, i => new() { ["Title"] = $"Customer {i}", ["Code"] = $"K{i:D5}", ["City"] = i % 2 == 0 ? "上海" : "Lyon" });
        bed.Server.ResetCounters();

        var first = await bed.Items(list).GetAsync(c => c.QueryParameters.Expand = ["fields(select=Code)"]);
        var seen = new List<string>();
        var iterator = PageIterator<ListItem, ListItemCollectionResponse>.CreatePageIterator(bed.Graph, first!, item =>
        {
            seen.Add(item.Text("Code")!);
            return true;
        });
        await iterator.IterateAsync();

        Assert.Equal(20_000, seen.Count);
        Assert.Equal(20_000, seen.Distinct().Count());
        Assert.Equal("K00001", seen[0]);
        Assert.Equal("K20000", seen[^1]);
        Assert.Equal(100, bed.Server.Counters[RouteKind.QueryItems]);   // 200 a page by default
    }

    [Fact]
    public async Task Top_sets_the_page_size_up_to_5000_and_the_last_page_has_no_nextLink()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        bed.Seed(list, 12_000, i => new() { ["Title"] = $"Customer {i}", ["City"] = i <= 300 ? "Lyon" : "Oslo" });

        var big = await bed.Items(list).GetAsync(c => c.QueryParameters.Top = 9000);
        var filtered = await bed.Items(list).GetAsync(c =>
        {
            c.QueryParameters.Filter = "fields/City eq 'Lyon'";
            c.QueryParameters.Orderby = ["fields/City desc"];
            c.QueryParameters.Top = 250;
        });
        var rest = await new Microsoft.Graph.Sites.Item.Lists.Item.Items.ItemsRequestBuilder(filtered!.OdataNextLink!, bed.Graph.RequestAdapter).GetAsync();

        Assert.Equal(5000, big!.Value!.Count);
        Assert.NotNull(big.OdataNextLink);
        Assert.Equal(250, filtered.Value!.Count);
        Assert.Equal(50, rest!.Value!.Count);
        Assert.Null(rest.OdataNextLink);
        Assert.Empty(filtered.Value.Select(i => i.Id).Intersect(rest.Value.Select(i => i.Id)));
    }

    [Fact]
    public async Task Paging_stays_correct_when_items_are_added_and_removed_between_pages()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        bed.Seed(list, 10, i => new() { ["Title"] = $"Customer {i}", ["Code"] = $"K{i:D2}" });

        var first = await bed.Items(list).GetAsync(c => { c.QueryParameters.Top = 4; c.QueryParameters.Orderby = ["fields/Code desc"]; });
        await bed.Items(list)["1"].DeleteAsync();                                  // not yet served: K01
        await bed.Items(list)["10"].DeleteAsync();                                 // already served: K10
        await bed.CreateItemAsync(list, new() { ["Title"] = "Late", ["Code"] = "K00" });
        var rest = new List<string>();
        for (var next = first!.OdataNextLink; next is not null;)
        {
            var page = await new Microsoft.Graph.Sites.Item.Lists.Item.Items.ItemsRequestBuilder(next, bed.Graph.RequestAdapter).GetAsync();
            rest.AddRange(page!.Value!.Select(i => i.Id!));
            next = page.OdataNextLink;
        }

        Assert.Equal(["10", "9", "8", "7"], first.Value!.Select(i => i.Id));
        Assert.Equal(["6", "5", "4", "3", "2", "11"], rest);
    }

    [Fact]
    public async Task An_eq_on_an_indexed_column_follows_updates_deletes_and_an_index_added_later()
    {
        var (bed, list) = await StartWithCustomersAsync();
        await using var _ = bed;
        var items = bed.Server.State.FindList(GraphTestBed.Site, list)!;
        var shanghai = items.Snapshot().First(i => (string?)i["Code"] == "C2");

        items.UpdateItem(shanghai.Id, new() { ["City"] = "Suzhou" }, null);
        items.DeleteItem(items.Snapshot().First(i => (string?)i["Code"] == "D1").Id, null);
        bed.Server.State.FindList(GraphTestBed.Site, list)!.UpdateColumn("Title", new TeamsCrm.FakeGraph.State.FakeList.ColumnChange(Indexed: true));

        Assert.Equal(["C3"], await CodesAsync(bed, list, "fields/City eq '上海'"));
        Assert.Equal(["C2"], await CodesAsync(bed, list, "fields/City eq 'SUZHOU'"));
        Assert.Empty(await CodesAsync(bed, list, "fields/City eq 'Lyon'"));
        Assert.Equal(["C1"], await CodesAsync(bed, list, "fields/Title eq 'o''brien tools'"));
    }
}
