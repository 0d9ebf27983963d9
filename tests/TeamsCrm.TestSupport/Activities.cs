using System.Text.Json.Nodes;

namespace TeamsCrm.TestSupport;

/// <summary>Activities shaped as Teams (and the Agents Playground) send them.</summary>
public static class Activities
{
    static int _next;

    public static string NextId() => "act-" + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Message(Uri serviceUrl, DemoPerson from, string text, string locale = "en-US", string? conversationId = null,
        string conversationType = "personal", string timezone = "Asia/Shanghai") => Base("message", serviceUrl, from, locale, conversationId, conversationType, timezone)
        .With("text", text).With("textFormat", "plain");

    /// <summary>An Action.Execute click: invoke adaptiveCard/action with the verb and the data (inputs included).</summary>
    public static JsonObject CardAction(Uri serviceUrl, DemoPerson from, string verb, JsonObject? data = null, string locale = "en-US",
        string replyToId = "activity-1", string? conversationId = null, string timezone = "Asia/Shanghai") =>
        Base("invoke", serviceUrl, from, locale, conversationId, "personal", timezone)
            .With("name", "adaptiveCard/action").With("replyToId", replyToId)
            .With("value", new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = "btn", ["verb"] = verb, ["data"] = data ?? new JsonObject() },
                ["trigger"] = "manual",
            });

    /// <summary>
    /// A dialog button (task/fetch: <paramref name="data"/> is the Action.Submit's data, msteams included) or what a dialog's page
    /// submitted (task/submit), as Teams sends them: value = { data, context }.
    /// </summary>
    public static JsonObject Dialog(Uri serviceUrl, DemoPerson from, string name, JsonObject data, string locale = "en-US") =>
        Base("invoke", serviceUrl, from, locale, null, "personal", "Asia/Shanghai")
            .With("name", name)
            .With("value", new JsonObject { ["data"] = data, ["context"] = new JsonObject { ["theme"] = "default" } });

    /// <summary>A typeahead query of an Input.ChoiceSet with Data.Query: invoke application/search.</summary>
    public static JsonObject Search(Uri serviceUrl, DemoPerson from, string dataset, string queryText, string locale = "en-US") =>
        Base("invoke", serviceUrl, from, locale, null, "personal", "Asia/Shanghai")
            .With("name", "application/search")
            .With("value", new JsonObject
            {
                ["queryText"] = queryText, ["queryOptions"] = new JsonObject { ["skip"] = 0, ["top"] = 15 }, ["dataset"] = dataset,
            });

    /// <summary>
    /// A search in a message extension's compose box, as Teams sends it (composeExtension/query): the command id, the typed
    /// text as its parameter (an empty one: the command just opened, parameter initialRun), paging in queryOptions; in the
    /// conversation the compose box belongs to.
    /// </summary>
    public static JsonObject ComposeQuery(Uri serviceUrl, DemoPerson from, string query, string? conversationId = null, string conversationType = "personal",
        int skip = 0, int count = 25, string commandId = "searchCustomers", string locale = "en-US") =>
        Base("invoke", serviceUrl, from, locale, conversationId, conversationType, "Asia/Shanghai")
            .With("name", "composeExtension/query")
            .With("value", new JsonObject
            {
                ["commandId"] = commandId,
                ["parameters"] = new JsonArray(query.Length == 0
                    ? new JsonObject { ["name"] = "initialRun", ["value"] = "true" }
                    : new JsonObject { ["name"] = "searchKeyword", ["value"] = query }),
                ["queryOptions"] = new JsonObject { ["skip"] = skip, ["count"] = count },
            });

    /// <summary>A result of a compose-box search chosen (composeExtension/selectItem): the value its preview's tap carried.</summary>
    public static JsonObject ComposeSelect(Uri serviceUrl, DemoPerson from, JsonObject tapValue, string? conversationId = null, string conversationType = "personal",
        string locale = "en-US") =>
        Base("invoke", serviceUrl, from, locale, conversationId, conversationType, "Asia/Shanghai")
            .With("name", "composeExtension/selectItem")
            .With("value", (JsonObject)tapValue.DeepClone());

    /// <summary>A link on the app's domain pasted into a compose box (composeExtension/queryLink), as Teams sends it.</summary>
    public static JsonObject ComposeLink(Uri serviceUrl, DemoPerson from, string url, string? conversationId = null, string conversationType = "personal",
        string locale = "en-US") =>
        Base("invoke", serviceUrl, from, locale, conversationId, conversationType, "Asia/Shanghai")
            .With("name", "composeExtension/queryLink")
            .With("value", new JsonObject { ["url"] = url });

    /// <summary>
    /// A message action chosen on a message (composeExtension/fetchTask, commandContext message), as Teams sends it: the
    /// message's HTML body in messagePayload, in the conversation the message is in.
    /// </summary>
    public static JsonObject ComposeFetchTask(Uri serviceUrl, DemoPerson from, string commandId, string messageHtml, string? conversationId = null,
        string conversationType = "personal", string locale = "en-US") =>
        Base("invoke", serviceUrl, from, locale, conversationId, conversationType, "Asia/Shanghai")
            .With("name", "composeExtension/fetchTask")
            .With("value", new JsonObject
            {
                ["commandId"] = commandId, ["commandContext"] = "message", ["context"] = new JsonObject { ["theme"] = "default" },
                ["messagePayload"] = new JsonObject
                {
                    ["id"] = "1700000000001", ["messageType"] = "message", ["createdDateTime"] = "2026-11-18T03:00:00.000Z",
                    ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = messageHtml },
                    ["from"] = new JsonObject { ["user"] = new JsonObject { ["id"] = from.AadObjectId, ["displayName"] = from.Name } },
                },
            });

    /// <summary>What a message action's dialog card submitted (composeExtension/submitAction): its Action.Submit data.</summary>
    public static JsonObject ComposeSubmitAction(Uri serviceUrl, DemoPerson from, string commandId, JsonObject data, string? conversationId = null,
        string conversationType = "personal", string locale = "en-US") =>
        Base("invoke", serviceUrl, from, locale, conversationId, conversationType, "Asia/Shanghai")
            .With("name", "composeExtension/submitAction")
            .With("value", new JsonObject
            {
                ["commandId"] = commandId, ["commandContext"] = "message", ["context"] = new JsonObject { ["theme"] = "default" },
                ["data"] = (JsonObject)data.DeepClone(),
            });

    /// <summary>An Action.Submit click (old clients): a message whose value is the data plus the verb.</summary>
    public static JsonObject Submit(Uri serviceUrl, DemoPerson from, string verb, JsonObject? data = null, string locale = "en-US", string replyToId = "activity-1")
    {
        var value = (JsonObject?)data?.DeepClone() ?? [];
        value["verb"] = verb;
        return Base("message", serviceUrl, from, locale, null, "personal", "Asia/Shanghai").With("replyToId", replyToId).With("value", value);
    }

    public static JsonObject Installed(Uri serviceUrl, DemoPerson by, string conversationType = "personal", string locale = "en-US")
    {
        var conversationId = conversationType switch { "channel" => Demo.TeamChannel, "groupChat" => Demo.GroupChat, _ => null };
        var a = Base("installationUpdate", serviceUrl, by, locale, conversationId, conversationType, null)
            .With("action", "add");
        if (conversationType == "channel")
            a["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = Demo.TenantId },
                ["team"] = new JsonObject { ["id"] = Demo.TeamId, ["name"] = "Sales East Team", ["aadGroupId"] = "7a1c0000-0000-4000-8000-0000000000a1" },
                ["channel"] = new JsonObject { ["id"] = Demo.TeamChannel },
                ["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = Demo.TeamChannel } },
            };
        return a;
    }

    static JsonObject Base(string type, Uri serviceUrl, DemoPerson from, string locale, string? conversationId, string conversationType, string? timezone)
    {
        var a = new JsonObject
        {
            ["type"] = type,
            ["id"] = NextId(),
            ["timestamp"] = "2026-11-22T08:00:00.000Z",
            ["serviceUrl"] = serviceUrl.ToString(),
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = from.TeamsId, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = Demo.BotId, ["name"] = "TeamsCrm" },
            ["conversation"] = new JsonObject
            {
                ["conversationType"] = conversationType, ["tenantId"] = Demo.TenantId, ["id"] = conversationId ?? Demo.PersonalChat(from),
            },
            ["locale"] = locale,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Demo.TenantId } },
        };
        if (timezone is not null) a["localTimezone"] = timezone;
        if (conversationType != "personal") a["conversation"]!["isGroup"] = true;
        return a;
    }

    public static JsonObject With(this JsonObject o, string name, JsonNode? value)
    {
        o[name] = value;
        return o;
    }
}
