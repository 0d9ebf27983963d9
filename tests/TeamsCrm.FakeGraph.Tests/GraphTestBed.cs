using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Sites.Item.Lists.Item.Items;
using Microsoft.Kiota.Abstractions.Authentication;
using GraphList = Microsoft.Graph.Models.List;

namespace TeamsCrm.FakeGraph.Tests;

/// <summary>
/// A fake Graph server and the real Graph SDK pointed at it. By default the SDK's HttpClient is a plain one (so every
/// refusal surfaces at once); <c>withSdkHandlers</c> builds it with GraphClientFactory's default handlers, retry included.
/// </summary>
public sealed class GraphTestBed : IAsyncDisposable
{
    public const string Site = "contoso.sharepoint.com,6f6e27a8-6d54-4f0a-9a1e-0b4c1d0e6c11,9b2c4d1e-3f5a-4b6c-8d7e-1f2a3b4c5d6e";

    public FakeGraphServer Server { get; }
    public GraphServiceClient Graph { get; }
    /// <summary>Raw HTTP to the same service root, for what the SDK will not send (a 21-step batch).</summary>
    public HttpClient Http { get; }

    GraphTestBed(FakeGraphServer server, GraphServiceClient graph, HttpClient http) => (Server, Graph, Http) = (server, graph, http);

    public static async Task<GraphTestBed> StartAsync(FakeGraphOptions? options = null, bool withSdkHandlers = false)
    {
        var server = await FakeGraphServer.StartAsync(options);
        var sdkHttp = withSdkHandlers ? GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers()) : new HttpClient();
        var graph = new GraphServiceClient(sdkHttp, new AnonymousAuthenticationProvider(), server.BaseUrl);
        return new GraphTestBed(server, graph, new HttpClient { BaseAddress = new Uri(server.BaseUrl + "/") });
    }

    public ItemsRequestBuilder Items(string listId) => Graph.Sites[Site].Lists[listId].Items;

    /// <summary>
    /// The list the tests use: City (indexed), Code (indexed, unique, 20 characters), Score (number, not indexed),
    /// Since (date, indexed), Active (yes/no), Notes (multiple lines), Region (choice), Owner (person).
    /// </summary>
    public async Task<string> CreateCustomersAsync(string name = "Customers")
    {
        var list = await Graph.Sites[Site].Lists.PostAsync(new GraphList
        {
            DisplayName = name,
            ListProp = new ListInfo { Template = "genericList" },
            Columns =
            [
                new ColumnDefinition { Name = "City", Text = new TextColumn(), Indexed = true },
                new ColumnDefinition { Name = "Code", Text = new TextColumn { MaxLength = 20 }, Indexed = true, EnforceUniqueValues = true },
                new ColumnDefinition { Name = "Score", Number = new NumberColumn() },
                new ColumnDefinition { Name = "Since", DateTime = new DateTimeColumn { Format = "dateOnly" }, Indexed = true },
                new ColumnDefinition { Name = "Active", Boolean = new BooleanColumn() },
                new ColumnDefinition { Name = "Notes", Text = new TextColumn { AllowMultipleLines = true } },
                new ColumnDefinition { Name = "Region", Choice = new ChoiceColumn { Choices = ["North", "South"] } },
                new ColumnDefinition { Name = "Owner", PersonOrGroup = new PersonOrGroupColumn() },
            ],
        });
        return list!.Id!;
    }

    public async Task<ListItem> CreateItemAsync(string listId, Dictionary<string, object> fields) =>
        (await Items(listId).PostAsync(new ListItem { Fields = new FieldValueSet { AdditionalData = fields } }))!;

    /// <summary>Seeds items straight into the fake (no HTTP), as benchmarks do.</summary>
    public void Seed(string listId, int count, Func<int, Dictionary<string, object?>> row) =>
        Server.State.FindList(Site, listId)!.Seed(Enumerable.Range(1, count).Select(i => (IReadOnlyDictionary<string, object?>)row(i)));

    public async Task<(int Status, JsonNode? Body)> PostJsonAsync(string path, JsonNode body)
    {
        using var response = await Http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Reading fieldValueSet entries the SDK leaves in AdditionalData, whatever CLR type it chose.</summary>
public static class FieldsReading
{
    public static string? Text(this ListItem item, string field) => item.Fields?.Text(field);

    public static string? Text(this FieldValueSet fields, string field) =>
        fields.AdditionalData.TryGetValue(field, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}
