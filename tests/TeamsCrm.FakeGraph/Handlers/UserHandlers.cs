using TeamsCrm.FakeGraph.Protocol;

namespace TeamsCrm.FakeGraph.Handlers;

/// <summary>GET /users/{id}, /manager, /directReports and /mailboxSettings from the seeded directory, with Entra ID's 404 wording.</summary>
internal static class UserHandlers
{
    public static GraphResponse Get(GraphContext g, string id) =>
        GraphResponse.Ok(GraphJson.User(g.Store.Directory.Find(id) ?? throw NotFound(id)));

    public static GraphResponse Manager(GraphContext g, string id)
    {
        if (g.Store.Directory.Find(id) is null) throw NotFound(id);
        return GraphResponse.Ok(GraphJson.User(g.Store.Directory.ManagerOf(id) ?? throw NotFound("manager")));
    }

    /// <summary>
    /// GET /users/{id}/mailboxSettings (with $select, only the properties named) and GET …/mailboxSettings/automaticRepliesSetting.
    /// A user without a mailbox gets Graph's 404 MailboxNotEnabledForRESTAPI; an app without MailboxSettings.Read, 403 ErrorAccessDenied.
    /// </summary>
    public static GraphResponse MailboxSettings(GraphContext g, GraphRequest r, string id, bool repliesOnly)
    {
        if (g.Store.Directory.MailboxSettingsDenied) throw new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        var user = g.Store.Directory.Find(id) ?? throw NotFound(id);
        if (!g.Store.Directory.HasMailbox(user.Id))
            throw new GraphError(404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
        var replies = g.Store.Directory.AutomaticRepliesOf(user.Id);
        if (repliesOnly)
        {
            replies["@odata.context"] = $"{r.BaseUrl}/$metadata#users('{user.Id}')/mailboxSettings/automaticRepliesSetting";
            return GraphResponse.Ok(replies);
        }
        var all = new System.Text.Json.Nodes.JsonObject
        {
            ["@odata.context"] = $"{r.BaseUrl}/$metadata#users('{user.Id}')/mailboxSettings",
            ["archiveFolder"] = "AAMkAGI2TGuLAAA=", ["timeZone"] = "UTC", ["dateFormat"] = "yyyy-MM-dd", ["timeFormat"] = "HH:mm",
            ["delegateMeetingMessageDeliveryOptions"] = "sendToDelegateOnly", ["userPurpose"] = "user",
            ["automaticRepliesSetting"] = replies,
            ["language"] = new System.Text.Json.Nodes.JsonObject { ["locale"] = "en-US", ["displayName"] = "English (United States)" },
        };
        if (r.Option("select") is { Length: > 0 } select)
        {
            var keep = select.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var name in all.Select(kv => kv.Key).Where(k => !k.StartsWith('@') && !keep.Contains(k)).ToList()) all.Remove(name);
        }
        return GraphResponse.Ok(all);
    }

    /// <summary>GET /users/{id}/directReports: the users whose manager this user is.</summary>
    public static GraphResponse DirectReports(GraphContext g, GraphRequest r, string id)
    {
        var user = g.Store.Directory.Find(id) ?? throw NotFound(id);
        return Page(r, g.Store.Directory.DirectReportsOf(user.Id), "directoryObjects");
    }

    /// <summary>GET /groups/{id}/transitiveMembers/microsoft.graph.user: paged by $top (default 100) with a nextLink.</summary>
    public static GraphResponse GroupUsers(GraphContext g, GraphRequest r, string groupId)
    {
        if (!g.Store.Directory.HasGroup(groupId)) throw NotFound(groupId);
        return Page(r, g.Store.Directory.MembersOf(groupId), "users");
    }

    static GraphResponse Page(GraphRequest r, IReadOnlyList<State.FakeUser> all, string context)
    {
        var top = int.TryParse(r.Option("top"), out var t) && t > 0 ? Math.Min(t, 999) : 100;
        var skip = int.TryParse(r.Option("skiptoken"), out var s) ? s : 0;
        var next = skip + top < all.Count
            ? $"{r.BaseUrl}/{string.Join('/', r.Path.Select(Uri.EscapeDataString))}?$top={top}&$skiptoken={skip + top}"
            : null;
        return GraphResponse.Ok(GraphJson.Collection(context, all.Skip(skip).Take(top).Select(u => (System.Text.Json.Nodes.JsonNode)GraphJson.User(u)), next));
    }

    static GraphError NotFound(string resource) => new(404, "Request_ResourceNotFound",
        $"Resource '{resource}' does not exist or one of its queried reference-property objects are not present.");
}
