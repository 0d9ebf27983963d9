using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace TeamsCrm.FakeGraph.Tests;

/// <summary>SharePoint's rules for filtering and sorting: indexes, the Prefer opt-in, and the 5,000-item list view threshold.</summary>
public sealed class IndexRuleTests
{
    const string HonorNonIndexed = "HonorNonIndexedQueriesWarningMayFailRandomly";

    static Task<ListItemCollectionResponse?> QueryAsync(GraphTestBed bed, string list, string? filter, string? orderBy = null, bool prefer = false) =>
        bed.Items(list).GetAsync(c =>
        {
            c.QueryParameters.Filter = filter;
            c.QueryParameters.Orderby = orderBy is null ? null : [orderBy];
            c.QueryParameters.Expand = ["fields(select=Code)"];
            if (prefer) c.Headers.Add("Prefer", HonorNonIndexed);
        });

    static async Task<(GraphTestBed, string)> StartAsync(int items)
    {
        var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        bed.Seed(list, items, i => new() { ["Title"] = $"Customer {i}", ["Code"] = $"K{i:D5}", ["City"] = i <= 100 ? "Lyon" : "上海", ["Score"] = i % 10 });
        return (bed, list);
    }

    [Fact]
    public async Task Filtering_or_sorting_on_a_column_that_is_not_indexed_is_refused_without_the_Prefer_header()
    {
        var (bed, list) = await StartAsync(50);
        await using var _ = bed;

        var filter = await Assert.ThrowsAsync<ODataError>(() => QueryAsync(bed, list, "fields/Score eq 3"));
        var order = await Assert.ThrowsAsync<ODataError>(() => QueryAsync(bed, list, null, "fields/Title"));

        Assert.Equal(400, filter.ResponseStatusCode);
        Assert.Equal("invalidRequest", filter.Error?.Code);
        Assert.Contains("'Score'", filter.Error?.Message);
        Assert.Contains("is not indexed", filter.Error?.Message);
        Assert.Contains("is not indexed", order.Error?.Message);
        Assert.All(bed.Server.Queries, q => Assert.Equal(QueryOutcome.NotIndexed, q.Outcome));
    }

    [Fact]
    public async Task With_the_Prefer_header_a_list_of_up_to_5000_items_may_be_filtered_on_any_column()
    {
        var (bed, list) = await StartAsync(5000);
        await using var _ = bed;

        var page = await QueryAsync(bed, list, "fields/Score eq 3", "fields/Title desc", prefer: true);

        Assert.Equal(200, page!.Value!.Count);          // 500 match; the first page of 200
        Assert.NotNull(page.OdataNextLink);
        var query = Assert.Single(bed.Server.Queries);
        Assert.Equal(QueryOutcome.Served, query.Outcome);
        Assert.Empty(query.IndexedFilterColumns);
        Assert.True(query.HonorNonIndexed);
    }

    [Fact]
    public async Task Past_5000_items_a_filter_on_a_column_that_is_not_indexed_fails_even_with_the_Prefer_header()
    {
        var (bed, list) = await StartAsync(5001);
        await using var _ = bed;

        var error = await Assert.ThrowsAsync<ODataError>(() => QueryAsync(bed, list, "fields/Score eq 3", prefer: true));

        // Graph answers SharePoint's list view threshold error as throttling.
        Assert.Equal(429, error.ResponseStatusCode);
        Assert.Contains("list view threshold", error.Error?.InnerError?.AdditionalData["detail"]?.ToString());
        Assert.Contains(error.ResponseHeaders.Keys, k => k.Equals("Retry-After", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(QueryOutcome.OverThreshold, Assert.Single(bed.Server.Queries).Outcome);
    }

    [Fact]
    public async Task Past_5000_items_an_indexed_filter_that_narrows_to_5000_or_fewer_is_served_with_its_other_terms()
    {
        var (bed, list) = await StartAsync(6000);
        await using var _ = bed;

        var page = await QueryAsync(bed, list, "fields/City eq 'Lyon' and fields/Score eq 3", prefer: true);

        Assert.Equal(10, page!.Value!.Count);
        var query = Assert.Single(bed.Server.Queries);
        Assert.Equal("City", query.DrivingIndex);
        Assert.Equal(["City"], query.IndexedFilterColumns);
        Assert.Equal(["City", "Score"], query.FilterColumns);
    }

    [Fact]
    public async Task Past_5000_items_an_indexed_filter_matching_more_than_5000_is_refused_even_if_later_terms_narrow_it()
    {
        var (bed, list) = await StartAsync(6000);
        await using var _ = bed;

        var broad = await Assert.ThrowsAsync<ODataError>(() => QueryAsync(bed, list, "fields/City eq '上海' and fields/Code eq 'K05000'"));
        var narrowFirst = await QueryAsync(bed, list, "fields/Code eq 'K05000' and fields/City eq '上海'");
        var onlyNe = await Assert.ThrowsAsync<ODataError>(() => QueryAsync(bed, list, "fields/City ne 'Lyon'"));
        var topOr = await Assert.ThrowsAsync<ODataError>(() => QueryAsync(bed, list, "fields/Code eq 'K00001' or fields/Code eq 'K00002'"));

        Assert.Equal(429, broad.ResponseStatusCode);
        Assert.Equal("K05000", Assert.Single(narrowFirst!.Value!).Text("Code"));
        Assert.Equal(429, onlyNe.ResponseStatusCode);
        Assert.Equal(429, topOr.ResponseStatusCode);
    }

    [Fact]
    public async Task Past_5000_items_unfiltered_paging_works_in_id_order_or_on_an_indexed_column_but_not_on_another()
    {
        var (bed, list) = await StartAsync(5500);
        await using var _ = bed;

        var byId = await QueryAsync(bed, list, null);
        var byCode = await QueryAsync(bed, list, null, "fields/Code desc");
        var byTitle = await Assert.ThrowsAsync<ODataError>(() => QueryAsync(bed, list, null, "fields/Title", prefer: true));

        Assert.Equal("K00001", byId!.Value![0].Text("Code"));
        Assert.Equal("K05500", byCode!.Value![0].Text("Code"));
        Assert.Equal(429, byTitle.ResponseStatusCode);
    }

    [Fact]
    public async Task Each_query_records_the_indexed_columns_it_used()
    {
        var (bed, list) = await StartAsync(20);
        await using var _ = bed;

        await QueryAsync(bed, list, "fields/Code eq 'K00003'");
        await QueryAsync(bed, list, "fields/City eq 'Lyon' and fields/Code eq 'K00003'");

        Assert.Equal(["Code"], bed.Server.Queries[0].IndexedFilterColumns);
        Assert.Equal(["City", "Code"], bed.Server.Queries[1].IndexedFilterColumns);
        Assert.Equal(["Code", "City"], bed.Server.Queries.Select(q => q.DrivingIndex));
    }
}
