using TeamsCrm.Bot.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Features.Exports;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Targets;

/// <summary>Signed export links: what was signed comes back; a changed byte, another key or a late click does not.</summary>
public class ExportLinkTests
{
    static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    static DownloadLinks Links(string? key = null) => new(Options.Create(new ExportOptions { BaseUrl = "https://crm.example/", SigningKey = key }),
        new ConfigurationBuilder().Build(), Clock);

    static IQueryCollection Query(string url) => new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query));

    [Fact]
    public void A_fresh_link_verifies_as_what_was_signed()
    {
        var links = Links();
        var url = links.For(Demo.WangFang.AadObjectId, DownloadKind.History, "C-2026-00042", T.Chinese);
        Assert.StartsWith("https://crm.example/export?", url);
        var request = links.Verify(Query(url));
        Assert.Equal((DownloadKind.History, "C-2026-00042", Demo.WangFang.AadObjectId, "zh-CN"),
            (request!.Kind, request.Argument, request.UserAadObjectId, request.Culture.Name));
    }

    [Theory]
    [InlineData("a", "C-2026-00043")]                                  // another customer
    [InlineData("u", "7a1c0000-0000-4000-8000-000000000011")]          // another person
    [InlineData("k", "TeamScore")]
    [InlineData("l", "en")]
    [InlineData("f", "xlsx")]                                          // a CSV link edited into an .xlsx one
    [InlineData("e", "99999999999")]                                   // a later expiry
    [InlineData("s", "AAAA")]
    public void Any_changed_part_is_refused(string part, string value)
    {
        var links = Links();
        var query = Query(links.For(Demo.WangFang.AadObjectId, DownloadKind.History, "C-2026-00042", T.Chinese))
            .ToDictionary(q => q.Key, q => q.Value);
        query[part] = value;
        Assert.Null(links.Verify(new QueryCollection(query)));
    }

    [Fact]
    public void A_link_expires_and_a_missing_or_doubled_part_or_another_key_is_refused()
    {
        var key = Convert.ToBase64String(new byte[32]);
        var links = Links(key);
        var url = links.For("u1", DownloadKind.Analysis, "category", T.English);
        Assert.NotNull(Links(key).Verify(Query(url)));                 // the same key (another instance) accepts it
        Assert.Null(Links().Verify(Query(url)));                       // a generated key does not
        Assert.Null(links.Verify(Query(url.Replace("&l=en", "", StringComparison.Ordinal))));
        Assert.Null(links.Verify(Query(url + "&a=other")));
        Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.NotNull(links.Verify(Query(url)));
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(links.Verify(Query(url)));
    }

    [Fact]
    public void Csv_has_a_byte_order_mark_quotes_every_cell_and_defuses_formulas()
    {
        var bytes = Csv.Write(["客户", "金额"], [["=HYPERLINK(\"x\")", "-12.50"], ["华东 \"精密\"", "@sum"]]);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("\"客户\",\"金额\"\r\n\"'=HYPERLINK(\"\"x\"\")\",\"-12.50\"\r\n\"华东 \"\"精密\"\"\",\"'@sum\"\r\n",
            System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }
}
