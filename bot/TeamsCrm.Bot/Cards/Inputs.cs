using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Cards;

/// <summary>
/// Adaptive Card inputs as every form in the bot uses them: a label always (the renderer asks for one on
/// required inputs, and screen readers need it), the value typed so far, and for required ones the
/// client-side <c>errorMessage</c>. The server checks everything again (<see cref="FormReader"/>).
/// </summary>
public static class Inputs
{
    /// <param name="style">"Email", "Tel" or "Url": the keyboard a phone shows.</param>
    public static JsonObject Text(CultureInfo c, string id, string label, string? value = null, bool required = false,
        int maxLength = Limits.SingleLine, string? style = null, string? placeholder = null)
    {
        var input = Base("Input.Text", c, id, label, value, required);
        input["maxLength"] = maxLength;
        if (style is not null) input["style"] = style;
        if (placeholder is not null) input["placeholder"] = placeholder;
        return input;
    }

    public static JsonObject MultiLine(CultureInfo c, string id, string label, string? value = null, bool required = false,
        int maxLength = Limits.Description, string? placeholder = null)
    {
        var input = Text(c, id, label, value, required, maxLength, placeholder: placeholder);
        input["isMultiline"] = true;
        return input;
    }

    /// <summary>A text input, not Input.Number: that one refuses "1,234.50" and full-width digits, which people type.</summary>
    public static JsonObject Amount(CultureInfo c, string id, string label, string? value = null, bool required = false) =>
        Text(c, id, label, value, required, maxLength: 32, placeholder: "1,234.50");

    /// <summary>Sends yyyy-MM-dd whatever the user's locale.</summary>
    public static JsonObject Date(CultureInfo c, string id, string label, string? value = null, bool required = false) =>
        Base("Input.Date", c, id, label, value, required);

    public static JsonObject Choice(CultureInfo c, string id, string label, IEnumerable<(string Title, string Value)> choices,
        string? value = null, bool required = false)
    {
        var input = Base("Input.ChoiceSet", c, id, label, value, required);
        input["style"] = "compact";
        input["choices"] = new JsonArray(choices.Select(ch => (JsonNode)new JsonObject { ["title"] = ch.Title, ["value"] = ch.Value }).ToArray());
        return input;
    }

    /// <summary>Sends HH:mm.</summary>
    public static JsonObject Time(CultureInfo c, string id, string label, string? value = null, bool required = false) =>
        Base("Input.Time", c, id, label, value, required);

    /// <summary>A check box sending "true" or "false".</summary>
    public static JsonObject Toggle(CultureInfo c, string id, string label, string title, string? value = null)
    {
        var input = Base("Input.Toggle", c, id, label, value, required: false);
        input["title"] = title;
        input["valueOn"] = "true";
        input["valueOff"] = "false";
        return input;
    }

    /// <summary>
    /// A choice set that searches as the user types: Teams sends an <c>application/search</c> invoke for
    /// <paramref name="dataset"/> (Data.Query, at most 15 results shown). The static <paramref name="choices"/> are the
    /// fallback for clients without dynamic search (the Agents Playground, older clients), filtered as typed, and
    /// must hold the current value so that it shows. Teams documents <c>choices.data</c> on cards of any version;
    /// the official renderer lists it under 1.6 (tests/cards/validate-cards.js accepts it on 1.5 for that reason).
    /// </summary>
    public static JsonObject Search(CultureInfo c, string id, string label, IEnumerable<(string Title, string Value)> choices, string dataset,
        string? value = null, bool required = false, string? placeholder = null)
    {
        var input = Choice(c, id, label, choices, value, required);
        input["style"] = "filtered";
        input["choices.data"] = new JsonObject { ["type"] = "Data.Query", ["dataset"] = dataset };
        if (placeholder is not null) input["placeholder"] = placeholder;
        return input;
    }

    /// <summary>What is wrong with the input above it, right beside it.</summary>
    public static JsonObject Error(string message) => new()
    {
        ["type"] = "TextBlock", ["text"] = message, ["color"] = "Attention", ["size"] = "Small", ["wrap"] = true, ["spacing"] = "None",
    };

    static JsonObject Base(string type, CultureInfo c, string id, string label, string? value, bool required)
    {
        var input = new JsonObject { ["type"] = type, ["id"] = id, ["label"] = label };
        if (value is not null) input["value"] = value;
        if (required)
        {
            input["isRequired"] = true;
            input["errorMessage"] = T.Get(c, "form.required");
        }
        return input;
    }
}
