using System.Text.Json.Nodes;

namespace TeamsCrm.Bot.Cards;

/// <summary>
/// Builds an Adaptive Card 1.5 (the highest version bots may send to Teams) as JSON. Buttons are
/// <c>Action.Execute</c> (Universal Actions) with an <c>Action.Submit</c> fallback carrying the verb in its
/// data, so older clients still reach the same handler.
/// </summary>
public sealed class Card
{
    public const string Version = "1.5";
    readonly JsonArray _body = [];
    readonly JsonArray _actions = [];
    JsonObject? _refresh;

    public static Card Create() => new();

    public Card Title(string text) => Add(new JsonObject
    {
        ["type"] = "TextBlock", ["text"] = text, ["size"] = "Large", ["weight"] = "Bolder", ["wrap"] = true, ["style"] = "heading",
    });

    public Card Heading(string text) => Add(new JsonObject
    {
        ["type"] = "TextBlock", ["text"] = text, ["size"] = "Medium", ["weight"] = "Bolder", ["wrap"] = true, ["spacing"] = "Medium",
    });

    public Card Text(string text, bool subtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (subtle) block["isSubtle"] = true;
        return Add(block);
    }

    public Card Facts(IEnumerable<(string Title, string Value)> facts)
    {
        var list = new JsonArray();
        foreach (var (title, value) in facts) list.Add(new JsonObject { ["title"] = title, ["value"] = value });
        return list.Count == 0 ? this : Add(new JsonObject { ["type"] = "FactSet", ["facts"] = list });
    }

    /// <summary>
    /// A table (Adaptive Cards 1.5, which Teams renders on desktop and mobile): a bold header row, then the rows;
    /// <paramref name="widths"/> are relative column widths.
    /// </summary>
    public Card Table(IReadOnlyList<int> widths, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        Add(TableElement(widths, headers, rows));

    /// <summary>The table of <see cref="Table"/> as an element of its own (a chart's fallback).</summary>
    public static JsonObject TableElement(IReadOnlyList<int> widths, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        static JsonObject Row(IEnumerable<string> cells, bool header) => new()
        {
            ["type"] = "TableRow",
            ["cells"] = new JsonArray(cells.Select(text => (JsonNode)new JsonObject
            {
                ["type"] = "TableCell",
                ["items"] = new JsonArray(header
                    ? new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["weight"] = "Bolder" }
                    : new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }),
            }).ToArray()),
        };
        var all = new JsonArray(Row(headers, header: true));
        foreach (var row in rows) all.Add(Row(row, header: false));
        return new JsonObject
        {
            ["type"] = "Table", ["firstRowAsHeader"] = true, ["showGridLines"] = false,
            ["columns"] = new JsonArray(widths.Select(w => (JsonNode)new JsonObject { ["width"] = w }).ToArray()),
            ["rows"] = all,
        };
    }

    /// <summary>
    /// A Teams chart (Chart.Donut, Chart.VerticalBar, …: Teams-only elements, unknown to other hosts and to the official
    /// renderer) with the same figures as a table in its fallback, which every client that does not draw charts shows.
    /// </summary>
    public Card Chart(string type, string title, JsonArray data, JsonObject fallbackTable) => Add(new JsonObject
    {
        ["type"] = type, ["title"] = title, ["data"] = data, ["fallback"] = fallbackTable,
    });

    /// <summary>A warning on top of a card (a refused form, a conflict), in the host's attention colour.</summary>
    public Card Warning(string text) => Add(new JsonObject
    {
        ["type"] = "TextBlock", ["text"] = text, ["color"] = "Attention", ["weight"] = "Bolder", ["wrap"] = true,
    });

    /// <param name="withInputs">False for Cancel and Back: the card's inputs are neither checked by the client nor sent.</param>
    public Card Execute(string title, string verb, JsonObject? data = null, string? style = null, bool withInputs = true)
    {
        _actions.Add(ExecuteAction(title, verb, data, style, withInputs));
        return this;
    }

    /// <summary>A button in the card's body, under the section it belongs to (the card's own actions are limited in number).</summary>
    public Card Button(string title, string verb, JsonObject data) => Add(new JsonObject
    {
        ["type"] = "ActionSet", ["actions"] = new JsonArray(ExecuteAction(title, verb, data, null, withInputs: false)),
    });

    /// <summary>
    /// A button that opens a Teams dialog (task module): an Action.Submit whose data asks Teams for task/fetch (Action.Execute
    /// cannot), answered with the dialog's page. Clients without dialogs send it as a plain submit with the same verb.
    /// </summary>
    public Card DialogButton(string title, string verb, JsonObject data)
    {
        var submit = (JsonObject)data.DeepClone();
        submit["verb"] = verb;
        submit["msteams"] = new JsonObject { ["type"] = "task/fetch" };
        return Add(new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = submit, ["associatedInputs"] = "none" }),
        });
    }

    /// <summary>
    /// Buttons side by side in the body, under the section they belong to: <see cref="ExecuteButton"/>s, and an
    /// <see cref="UnfoldButton"/> that opens a small form of its own under them.
    /// </summary>
    public Card Buttons(params JsonObject[] actions) => Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray(actions) });

    /// <summary>One Action.Execute (with its Action.Submit fallback) for <see cref="Buttons"/>.</summary>
    public static JsonObject ExecuteButton(string title, string verb, JsonObject? data = null, string? style = null, bool withInputs = true) =>
        ExecuteAction(title, verb, data, style, withInputs);

    /// <summary>
    /// A button that unfolds <paramref name="form"/> in place (Action.ShowCard): a comment and its own button, asked only of
    /// whoever presses. The form's button sends the form's inputs with the card's.
    /// </summary>
    public static JsonObject UnfoldButton(string title, Card form) => new() { ["type"] = "Action.ShowCard", ["title"] = title, ["card"] = form.Build() };

    /// <summary>A part of the card set off from the one above by a line: one person's plan in a team's list.</summary>
    public Card Section(Card part) => Add(new JsonObject
    {
        ["type"] = "Container", ["separator"] = true, ["spacing"] = "Large", ["items"] = part.Build()["body"]!.DeepClone(),
    });

    /// <summary>One line of a list: a title, a subtle detail under it, and a button on its right.</summary>
    /// <param name="withInputs">True when the button must carry the card's inputs (a form's "remove this row").</param>
    public Card ListItem(string title, string? detail, string buttonTitle, string verb, JsonObject data, bool withInputs = false) =>
        Line(title, detail, new JsonArray(ExecuteAction(buttonTitle, verb, data, null, withInputs)));

    /// <summary>A list line with a link (a download) and buttons beside it, each with the same data.</summary>
    public Card LinkItem(string title, string detail, string linkTitle, string url, JsonObject data, params (string Title, string Verb)[] buttons) =>
        Line(title, detail, new JsonArray([
            new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = linkTitle, ["url"] = url },
            .. buttons.Select(b => (JsonNode)ExecuteAction(b.Title, b.Verb, data, null, withInputs: false))]));

    Card Line(string title, string? detail, JsonArray actions)
    {
        var left = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["wrap"] = true });
        if (detail is not null)
            left.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = detail, ["isSubtle"] = true, ["spacing"] = "None", ["wrap"] = true });
        return Add(new JsonObject
        {
            ["type"] = "ColumnSet", ["separator"] = true,
            ["columns"] = new JsonArray(
                new JsonObject { ["type"] = "Column", ["width"] = "stretch", ["verticalContentAlignment"] = "Center", ["items"] = left },
                new JsonObject
                {
                    ["type"] = "Column", ["width"] = "auto", ["verticalContentAlignment"] = "Center",
                    ["items"] = new JsonArray(new JsonObject { ["type"] = "ActionSet", ["actions"] = actions }),
                }),
        });
    }

    static JsonObject ExecuteAction(string title, string verb, JsonObject? data, string? style, bool withInputs)
    {
        var submitData = data?.DeepClone().AsObject() ?? [];
        submitData["verb"] = verb;
        var fallback = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = submitData };
        var action = new JsonObject
        {
            ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = data?.DeepClone() ?? new JsonObject(),
            ["fallback"] = fallback,
        };
        if (!withInputs)
        {
            action["associatedInputs"] = "none";
            fallback["associatedInputs"] = "none";
        }
        if (style is not null) action["style"] = style;
        return action;
    }

    /// <summary>
    /// Teams fetches a per-user view (trigger "automatic") for each of <paramref name="userIds"/> (their "29:" ids, at
    /// most 60); everyone else sees the card as sent. That is how only an approver sees the buttons.
    /// </summary>
    public Card Refresh(string verb, JsonObject data, IEnumerable<string> userIds)
    {
        _refresh = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
            ["userIds"] = new JsonArray(userIds.Distinct(StringComparer.Ordinal).Take(60).Select(id => (JsonNode)JsonValue.Create(id)!).ToArray()),
        };
        return this;
    }

    /// <summary>A button that opens a web address (a download link) in the browser.</summary>
    public Card Link(string title, string url) => Add(new JsonObject
    {
        ["type"] = "ActionSet",
        ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url }),
    });

    /// <summary>
    /// The card as a dialog shows it (a message action's): each Action.Execute replaced by its Action.Submit fallback, which
    /// carries the same verb in its data, and no refresh (Universal Actions are for cards in conversations).
    /// </summary>
    public static JsonObject ForDialog(JsonObject card)
    {
        var copy = (JsonObject)card.DeepClone();
        copy.Remove("refresh");
        Replace(copy);
        return copy;

        static void Replace(JsonNode? node)
        {
            switch (node)
            {
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonObject { } a && (string?)a["type"] == "Action.Execute" && a["fallback"] is JsonObject fallback)
                            array[i] = fallback.DeepClone();
                        Replace(array[i]);
                    }
                    break;
                case JsonObject o:
                    foreach (var (_, value) in o.ToList()) Replace(value);
                    break;
            }
        }
    }

    public Card Add(JsonObject element)
    {
        _body.Add(element);
        return this;
    }

    public JsonObject Build()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = _body.DeepClone(),
        };
        if (_actions.Count > 0) card["actions"] = _actions.DeepClone();
        if (_refresh is not null) card["refresh"] = _refresh.DeepClone();
        return card;
    }
}
