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

    public Card Execute(string title, string verb, JsonObject? data = null, string? style = null)
    {
        var submitData = data?.DeepClone().AsObject() ?? [];
        submitData["verb"] = verb;
        var action = new JsonObject
        {
            ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = data?.DeepClone() ?? new JsonObject(),
            ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = submitData },
        };
        if (style is not null) action["style"] = style;
        _actions.Add(action);
        return this;
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
        return card;
    }
}
