using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace TeamsCrm.FakeGraph.Tests;

public sealed class BatchTests
{
    static async Task<(BatchRequestContentCollection Batch, List<string> Ids)> CreatesAsync(GraphTestBed bed, string list, int count)
    {
        var batch = new BatchRequestContentCollection(bed.Graph);
        var ids = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var item = new ListItem { Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = $"Customer {i}", ["Code"] = $"B{i}" } } };
            ids.Add(await batch.AddBatchRequestStepAsync(bed.Items(list).ToPostRequestInformation(item)));
        }
        return (batch, ids);
    }

    [Fact]
    public async Task Twenty_creates_go_in_one_round_trip_and_each_answers_on_its_own()
    {
        // Responses come back in reverse: Graph promises no order, so the SDK must match them by id.
        await using var bed = await GraphTestBed.StartAsync(new FakeGraphOptions { ReverseBatchResponses = true });
        var list = await bed.CreateCustomersAsync();
        var (batch, ids) = await CreatesAsync(bed, list, 20);
        bed.Server.ResetCounters();

        var response = await bed.Graph.Batch.PostAsync(batch);
        var codes = await response.GetResponsesStatusCodesAsync();
        var fifth = await response.GetResponseByIdAsync<ListItem>(ids[4]);

        Assert.Equal(20, codes.Count);
        Assert.All(codes.Values, c => Assert.Equal(HttpStatusCode.Created, c));
        Assert.Equal("B5", fifth.Text("Code"));
        Assert.EndsWith(",1\"", fifth.ETag);
        Assert.Equal(1, bed.Server.Counters.HttpCalls);
        Assert.Equal(20, bed.Server.Counters[RouteKind.CreateItem]);
        Assert.Equal(20, bed.Server.State.List("Customers").Count);
    }

    [Fact]
    public async Task A_throttled_step_answers_429_with_Retry_After_and_only_it_is_sent_again()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        var (batch, ids) = await CreatesAsync(bed, list, 5);
        bed.Server.ThrottleNext(2, retryAfterSeconds: 3, only: RouteKind.CreateItem);

        var response = await bed.Graph.Batch.PostAsync(batch);
        var codes = await response.GetResponsesStatusCodesAsync();
        var throttled = await response.GetResponseByIdAsync(ids[0]);
        var retry = batch.NewBatchWithFailedRequests(codes);
        var second = await bed.Graph.Batch.PostAsync(retry);

        Assert.Equal(2, codes.Values.Count(c => c == HttpStatusCode.TooManyRequests));
        Assert.Equal(3, codes.Values.Count(c => c == HttpStatusCode.Created));
        Assert.Equal(TimeSpan.FromSeconds(3), throttled.Headers.RetryAfter?.Delta);
        Assert.All((await second.GetResponsesStatusCodesAsync()).Values, c => Assert.Equal(HttpStatusCode.Created, c));
        Assert.Equal(5, bed.Server.State.List("Customers").Count);
    }

    [Fact]
    public async Task More_than_twenty_requests_are_refused_whole()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        var requests = new JsonArray(Enumerable.Range(1, 21).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = i.ToString(),
            ["method"] = "POST",
            ["url"] = $"/sites/{GraphTestBed.Site}/lists/{list}/items",
            ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
            ["body"] = new JsonObject { ["fields"] = new JsonObject { ["Title"] = $"Customer {i}" } },
        }).ToArray());

        var (status, body) = await bed.PostJsonAsync("$batch", new JsonObject { ["requests"] = requests });

        Assert.Equal(400, status);
        Assert.Contains("at most 20", body?["error"]?["message"]?.ToString());
        Assert.Equal(0, bed.Server.State.List("Customers").Count);
    }

    [Fact]
    public async Task A_step_runs_after_the_one_it_depends_on_and_answers_424_when_that_one_failed()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var list = await bed.CreateCustomersAsync();
        var items = $"/sites/{GraphTestBed.Site}/lists/{list}/items";
        JsonNode Step(string id, string method, string url, JsonNode? body = null, params string[] dependsOn) => new JsonObject
        {
            ["id"] = id, ["method"] = method, ["url"] = url,
            ["headers"] = body is null ? null : new JsonObject { ["Content-Type"] = "application/json" },
            ["body"] = body,
            ["dependsOn"] = new JsonArray(dependsOn.Select(d => (JsonNode)d).ToArray()),
        };

        var (status, body) = await bed.PostJsonAsync("$batch", new JsonObject
        {
            ["requests"] = new JsonArray(
                Step("query", "GET", items + "?$filter=" + Uri.EscapeDataString("fields/City eq 'Lyon'") + "&expand=fields", null, "create"),
                Step("create", "POST", items, new JsonObject { ["fields"] = new JsonObject { ["Title"] = "Acme", ["City"] = "Lyon" } }),
                Step("bad", "POST", items, new JsonObject { ["fields"] = new JsonObject { ["Nope"] = 1 } }),
                Step("after-bad", "GET", items, null, "bad")),
        });

        Assert.Equal(200, status);
        var responses = body!["responses"]!.AsArray().ToDictionary(r => r!["id"]!.ToString());
        Assert.Equal(["query", "create", "bad", "after-bad"], responses.Keys);
        Assert.Equal(201, (int)responses["create"]!["status"]!);
        Assert.Equal(200, (int)responses["query"]!["status"]!);
        Assert.Equal("Lyon", responses["query"]!["body"]!["value"]![0]!["fields"]!["City"]!.ToString());
        Assert.Equal(400, (int)responses["bad"]!["status"]!);
        Assert.Equal(424, (int)responses["after-bad"]!["status"]!);
    }
}
