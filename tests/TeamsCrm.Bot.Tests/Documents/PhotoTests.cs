using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Documents.DocumentMessages;
using static TeamsCrm.Bot.Tests.Visits.VisitSeeds;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Documents;

/// <summary>
/// Photos taken at the customer's door: sent right after the visit report is saved, they go with that visit. A phone's
/// picture arrives as an inline image whose address needs the bot's own token, fetched only from the host the activity
/// came from; the fake connector refuses it without the token.
/// </summary>
public class PhotoTests
{
    static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 0xFF, 0xD9];

    [Fact]
    public async Task Photos_sent_right_after_a_visit_go_with_that_visit()
    {
        await using var bot = await TestBot.StartAsync(authenticated: true, now: Now);
        var huawei = await HuaweiAsync(bot.Archive.Customers);
        var saved = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "visit.save", Report(huawei.Number, Guid.NewGuid().ToString("D"))));
        Assert.Equal(200, saved.Status);
        var visit = Assert.Single(await bot.Archive.Visits.ForCustomerAsync(huawei.Number, 5));
        bot.Clock.Advance(TimeSpan.FromMinutes(5));
        var door = bot.Connector.Serve("/v3/attachments/photo-1/views/original", Jpeg, authorization: "Bearer " + TestBot.ConnectorToken);
        var sign = bot.Connector.Serve("/v3/attachments/photo-2/views/original", Jpeg, authorization: "Bearer " + TestBot.ConnectorToken);

        var received = await bot.PostAsync(Message(bot.ServiceUrl, Demo.LiNa, "").WithPhoto(door).WithPhoto(sign).WithHtmlCopy());

        var filing = received.Calls.Single(c => c.Method == "POST").Card!;
        Assert.Equal((huawei.Number, nameof(ArchiveCategory.Basic)),
            ((string?)Inputs(filing).Single(i => (string?)i["id"] == "customer")["value"], (string?)Inputs(filing).Single(i => (string?)i["id"] == "category")["value"]));
        var filed = await bot.PostAsync(CardAction(bot.ServiceUrl, Demo.LiNa, "document.file", Press(filing, "document.file")));
        Assert.Equal(200, filed.Status);
        var documents = await bot.Archive.Documents.ForCustomerAsync(huawei.Number);
        Assert.Equal(2, documents.Count);
        Assert.All(documents, d => Assert.Equal((visit.Id, ArchiveCategory.Basic, (long)Jpeg.Length), (d.VisitId, d.Category, d.Size)));
        Assert.All(documents, d => Assert.EndsWith(".jpg", d.OriginalName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_picture_that_needs_the_bots_token_is_not_fetched_without_it_nor_from_another_host()
    {
        await using var bot = await TestBot.StartAsync(authenticated: false, now: Now);   // local mode: no token to send
        await HuaweiAsync(bot.Archive.Customers);
        var guarded = bot.Connector.Serve("/v3/attachments/photo-1/views/original", Jpeg, authorization: "Bearer " + TestBot.ConnectorToken);

        var refused = await bot.PostAsync(Message(bot.ServiceUrl, Demo.LiNa, "").WithPhoto(guarded));
        Assert.Contains("could not be fetched", (string?)refused.Calls.Single(c => c.Method == "POST").Body!["text"], StringComparison.Ordinal);

        var elsewhere = await bot.PostAsync(Message(bot.ServiceUrl, Demo.LiNa, "").WithPhoto(new Uri("http://127.0.0.2:9/v3/attachments/x")));
        Assert.DoesNotContain(elsewhere.Calls, c => c.Method == "GET");   // not a file of this conversation: not fetched at all
        Assert.Empty(await bot.Archive.Documents.InboxAsync(Demo.LiNa.AadObjectId));
    }
}
