using TeamsCrm.Bot.Archive.SharePoint;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

public sealed class ODataFilterTests
{
    [Theory]
    [InlineData("O'Brien", "fields/Owner eq 'O''Brien'")]
    [InlineData("'single'", "fields/Owner eq '''single'''")]
    [InlineData("''double''", "fields/Owner eq '''''double'''''")]
    [InlineData("x' or fields/Title ne 'y", "fields/Owner eq 'x'' or fields/Title ne ''y'")]
    [InlineData("华东精密", "fields/Owner eq '华东精密'")]
    public void A_value_is_one_literal_with_its_quotes_doubled(string value, string filter) =>
        Assert.Equal(filter, ODataFilter.Eq("Owner", value));

    [Fact]
    public void A_prefix_is_one_literal_too() =>
        Assert.Equal("startswith(fields/NormalizedName,'o''brien')", ODataFilter.StartsWith("NormalizedName", "o'brien"));

    [Fact]
    public void A_time_bound_is_one_literal_to_the_second_in_UTC() =>
        Assert.Equal("fields/FinishDueAt le '2026-03-02T01:30:05Z'",
            ODataFilter.AtOrBefore("FinishDueAt", new DateTimeOffset(2026, 3, 2, 9, 30, 5, 700, TimeSpan.FromHours(8))));
}
