using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Features.Customers;
using static TeamsCrm.Bot.Tests.Cards.CustomerSamples;

namespace TeamsCrm.Bot.Tests.Cards;

/// <summary>The customer cards of <see cref="CardCatalog"/>: every builder, fresh forms and refused ones, small files and a huge one.</summary>
public static class CustomerCatalog
{
    public static IEnumerable<(string Name, string Builder, JsonObject Card)> All(CultureInfo c)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var l = c.Name;
        yield return ($"customer.file.owner.{l}", "CustomerCards.File", CustomerCards.File(c, zone, Page(FileButtons.Owner)));
        var at = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
        yield return ($"customer.file.waiting.{l}", "CustomerCards.File", CustomerCards.File(c, zone, Page(FileButtons.Owner & ~FileButtons.Delete) with
        {
            Waiting = [.. new[] { Bot.Domain.Approvals.ApprovalKind.Modification, Bot.Domain.Approvals.ApprovalKind.Deletion }.Select(kind => new Bot.Domain.Approvals.Approval
            {
                Id = kind.ToString(), Kind = kind, Subject = "C-2026-00042", SubjectName = "Huadong Precision", RequesterAadObjectId = "rep",
                ApproverAadObjectIds = ["manager"], CreatedAt = at, RequestKey = kind.ToString(),
            })],
        }));
        yield return ($"customer.file.service.{l}", "CustomerCards.File", CustomerCards.File(c, zone, Page(FileButtons.LogComplaint, notice: "Saved")));
        yield return ($"customer.file.pending-empty.{l}", "CustomerCards.File", CustomerCards.File(c, zone,
            Page(FileButtons.None, new CustomerFile(Huadong with { Status = CustomerStatus.Pending, KeyAccount = KeyAccountClasses.None, Credit = new() }, [], [], []))));
        // Far beyond any real file: 40 contacts, 10 entries of each type with 4,000-character texts, 100 changes.
        yield return ($"customer.file.huge.{l}", "CustomerCards.File", CustomerCards.File(c, zone,
            Page(FileButtons.Owner, File(contacts: 40, entriesPerType: 10, changes: 100, textLength: 4000))));
        yield return ($"customer.file.visits.{l}", "CustomerCards.File", CustomerCards.File(c, zone, Page(FileButtons.Owner) with
            { RecentVisits = [VisitSamples.Visit(0, textLength: 4000), VisitSamples.Visit(1, Bot.Domain.Visits.VisitResult.NotYet), VisitSamples.Visit(2)] }));
        yield return ($"customer.redacted.{l}", "CustomerCards.Redacted", CustomerCards.Redacted(c, "C-2026-00042", "Huadong Precision", File().Contacts, "Tom Becker"));
        yield return ($"customer.shared-redacted.{l}", "CustomerCards.SharedRedacted",
            CustomerCards.SharedRedacted(c, "C-2026-00042", "Huadong Precision", File().Contacts, "Tom Becker"));
        yield return ($"customer.file.shared.{l}", "CustomerCards.File", CustomerCards.File(c, zone, Page(FileButtons.Open)));
        yield return ($"customer.list.{l}", "CustomerCards.List", CustomerCards.List(c, "hua", [
            new FoundCustomer("C-2026-00042", "Huadong Precision", CustomerStatus.Active, "Li Na"),
            new FoundCustomer("C-2026-00043", "Huaxin Logistics", null, "Tom Becker"),
        ], more: true));
        yield return ($"customer.list.shared.{l}", "CustomerCards.List", CustomerCards.List(c, "hua", [
            new FoundCustomer("C-2026-00043", "Huaxin Logistics", null, "Tom Becker"),
        ], more: false, forEveryone: true));
        yield return ($"customer.not-allowed.{l}", "CustomerCards.NotAllowed", CustomerCards.NotAllowed(c, "customers.onlyOwnerEdits"));

        yield return ($"new-customer.choose.{l}", "NewCustomerCards.Choose", NewCustomerCards.Choose(c));
        foreach (var kind in Enum.GetValues<CustomerKind>())
            yield return ($"new-customer.form.{kind}.{l}", "NewCustomerCards.Form",
                NewCustomerCards.Form(c, kind, SubmissionId, Typed(("category", "New"), ("tier", "General"), ("contactRole", "Primary"))));
        yield return ($"new-customer.form.errors.{l}", "NewCustomerCards.Form", NewCustomerCards.Form(c, CustomerKind.Enterprise, SubmissionId, RefusedForm(c)));
        yield return ($"new-customer.form.duplicate.{l}", "NewCustomerCards.Form",
            NewCustomerCards.Form(c, CustomerKind.Enterprise, SubmissionId, RefusedForm(c), T.Get(c, "newCustomer.duplicate", "Tom Becker")));
        yield return ($"new-customer.filed.{l}", "NewCustomerCards.Filed", NewCustomerCards.Filed(c, Huadong with { Status = CustomerStatus.Pending }, "Zhang Wei"));
        yield return ($"new-customer.already-yours.{l}", "NewCustomerCards.AlreadyYours", NewCustomerCards.AlreadyYours(c, Huadong));

        var values = CustomerBasics.Of(Huadong).Values(CustomerKind.Enterprise);
        var target = new EditTarget("C-2026-00042", "Huadong Precision", CustomerKind.Enterprise, "3", values);
        yield return ($"edit.form.{l}", "EditCards.Form", EditCards.Form(c, target, Typed(("name", "Huadong Precision"), ("category", "Regular"), ("tier", "General"))));
        yield return ($"edit.form.errors.{l}", "EditCards.Form", EditCards.Form(c, target, RefusedForm(c)));
        yield return ($"edit.form.conflict.{l}", "EditCards.Form", EditCards.Form(c, target with { Kind = CustomerKind.Individual }, RefusedForm(c),
            T.Get(c, "edit.conflict"), [T.Get(c, "edit.changedBy", "Li Na", "Phone", "1", "2", "2026-11-22 16:00")]));

        yield return ($"delete.form.{l}", "DeleteCards.Form", DeleteCards.Form(c, Huadong, Typed()));
        yield return ($"delete.form.errors.{l}", "DeleteCards.Form", DeleteCards.Form(c, Huadong,
            new FormState(new JsonObject { ["reason"] = "" }, new Dictionary<string, string> { ["reason"] = T.Get(c, "form.required") })));

        yield return ($"contact.form.{l}", "ContactCards.Form", ContactCards.Form(c, "C-2026-00042", "Huadong Precision", Typed(("contactRole", "Secondary"))));
        yield return ($"contact.form.errors.{l}", "ContactCards.Form", ContactCards.Form(c, "C-2026-00042", "Huadong Precision", RefusedForm(c)));
        yield return ($"contact.added.{l}", "ContactCards.Added", ContactCards.Added(c, "C-2026-00042", "Huadong Precision",
            new NewContact("Wang Lei", null, "138 0013 8000", null, ContactRole.DecisionMaker)));

        var types = Enum.GetValues<EntryType>().Where(t => t != EntryType.Document).ToList();
        yield return ($"entry.form.{l}", "EntryCards.Form", EntryCards.Form(c, "C-2026-00042", "Huadong Precision", types, SubmissionId,
            Typed(("type", "Contract"), ("date", "2026-11-22"))));
        yield return ($"entry.form.complaint-errors.{l}", "EntryCards.Form", EntryCards.Form(c, "C-2026-00042", "Huadong Precision", [EntryType.Complaint],
            SubmissionId, new FormState(new JsonObject { ["type"] = "Complaint", ["amount"] = "-5" },
                new Dictionary<string, string> { ["amount"] = T.Get(c, "form.amountNegative"), ["description"] = T.Get(c, "form.required") })));
        yield return ($"entry.filed.{l}", "EntryCards.Filed", EntryCards.Filed(c, "Huadong Precision", File().Entries.First(e => e.Type == EntryType.Complaint)));
        yield return ($"entry.filed.contract.{l}", "EntryCards.Filed", EntryCards.Filed(c, "Huadong Precision", File().Entries.First(e => e.Type == EntryType.Contract)));
        // "Add to customer notes" (a message action's dialog): fresh, refused (another rep's file, the note kept) and done.
        var noteCustomers = new List<(string, string)> { ("Huadong Precision · C-2026-00001", "C-2026-00001") };
        yield return ($"note.form.{c.Name}", "CustomerNoteCards.Form", Features.MessageActions.CustomerNoteCards.Form(c, noteCustomers, "3f2b8c1e-5d6a-4e7f-9a0b-1c2d3e4f5a6b",
            FormState.Fresh(("note", new string('备', 4000)))));
        yield return ($"note.form.refused.{c.Name}", "CustomerNoteCards.Form", Features.MessageActions.CustomerNoteCards.Form(c, noteCustomers, "3f2b8c1e-5d6a-4e7f-9a0b-1c2d3e4f5a6b",
            new FormState(FormState.Json([KeyValuePair.Create("customerNumber", (string?)"C-2026-00009"), KeyValuePair.Create("note", (string?)"Budget approved")]),
                new Dictionary<string, string> { ["customerNumber"] = T.Get(c, "notes.notYours") })));
        yield return ($"note.added.{c.Name}", "CustomerNoteCards.Added", Features.MessageActions.CustomerNoteCards.Added(c, "Huadong Precision", "C-2026-00001",
            "Wang Lei says the budget for the second line is approved in January."));
    }
}
