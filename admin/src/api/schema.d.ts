// Generated from the OpenAPI document by `npm run api-types`; do not edit.

export interface paths {
    "/api/action-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the action history */
        get: operations["AuditController_listActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/action-history/kinds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the kinds of action */
        get: operations["AuditController_listActionKinds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/action-history/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the action history as CSV */
        get: operations["AuditController_exportActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/view-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the view history */
        get: operations["AuditController_listViews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit-exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start an audit export */
        post: operations["AuditController_startExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit-exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an audit export */
        get: operations["AuditController_getExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit-exports/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an audit export */
        get: operations["AuditController_downloadExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user */
        get: operations["UsersController_get"];
        /** Update a user */
        put: operations["UsersController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List roles */
        get: operations["RolesController_list"];
        put?: never;
        /** Create a role */
        post: operations["RolesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a role */
        get: operations["RolesController_get"];
        /** Update a role */
        put: operations["RolesController_update"];
        post?: never;
        /** Delete a role */
        delete: operations["RolesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the permissions roles can grant */
        get: operations["RolesController_permissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List account types */
        get: operations["AccountTypesController_list"];
        put?: never;
        /** Create an account type */
        post: operations["AccountTypesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account type */
        get: operations["AccountTypesController_get"];
        /** Update an account type */
        put: operations["AccountTypesController_update"];
        post?: never;
        /** Delete an account type */
        delete: operations["AccountTypesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List account statuses */
        get: operations["AccountStatusesController_list"];
        put?: never;
        /** Create an account status */
        post: operations["AccountStatusesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-statuses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account status */
        get: operations["AccountStatusesController_get"];
        /** Update an account status */
        put: operations["AccountStatusesController_update"];
        post?: never;
        /** Delete an account status */
        delete: operations["AccountStatusesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List account groups */
        get: operations["AccountGroupsController_list"];
        put?: never;
        /** Create an account group */
        post: operations["AccountGroupsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account group */
        get: operations["AccountGroupsController_get"];
        /** Update an account group */
        put: operations["AccountGroupsController_update"];
        post?: never;
        /** Delete an account group */
        delete: operations["AccountGroupsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List accounts */
        get: operations["AccountsController_list"];
        put?: never;
        /** Create an account */
        post: operations["AccountsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export accounts as CSV */
        get: operations["AccountsController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account */
        get: operations["AccountsController_get"];
        /** Update an account */
        put: operations["AccountsController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search accounts */
        get: operations["AccountsController_find"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contacts */
        get: operations["ContactsController_list"];
        put?: never;
        /** Create a contact */
        post: operations["ContactsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a contact */
        get: operations["ContactsController_get"];
        /** Update a contact */
        put: operations["ContactsController_update"];
        post?: never;
        /** Delete a contact */
        delete: operations["ContactsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/portal-credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a contact's portal credentials */
        put: operations["ContactsController_setPortalCredentials"];
        post?: never;
        /** Remove a contact's portal credentials */
        delete: operations["ContactsController_removePortalCredentials"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}/become-primary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a contact its account's primary contact */
        post: operations["ContactsController_becomePrimary"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/message-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List message categories */
        get: operations["MessageCategoriesController_list"];
        put?: never;
        /** Create a message category */
        post: operations["MessageCategoriesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/message-categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a message category */
        get: operations["MessageCategoriesController_get"];
        /** Update a message category */
        put: operations["MessageCategoriesController_update"];
        post?: never;
        /** Delete a message category */
        delete: operations["MessageCategoriesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/custom-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List custom fields */
        get: operations["CustomFieldsController_list"];
        put?: never;
        /** Create a custom field */
        post: operations["CustomFieldsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/custom-fields/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a custom field */
        get: operations["CustomFieldsController_get"];
        /** Update a custom field */
        put: operations["CustomFieldsController_update"];
        post?: never;
        /** Delete a custom field */
        delete: operations["CustomFieldsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List account notes */
        get: operations["AccountNotesController_list"];
        put?: never;
        /** Create an account note */
        post: operations["AccountNotesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account note */
        get: operations["AccountNotesController_get"];
        /** Update an account note */
        put: operations["AccountNotesController_update"];
        post?: never;
        /** Delete an account note */
        delete: operations["AccountNotesController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List account tasks */
        get: operations["AccountTasksController_list"];
        put?: never;
        /** Create an account task */
        post: operations["AccountTasksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account task */
        get: operations["AccountTasksController_get"];
        /** Update an account task */
        put: operations["AccountTasksController_update"];
        post?: never;
        /** Delete an account task */
        delete: operations["AccountTasksController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List account files */
        get: operations["AccountFilesController_list"];
        put?: never;
        /** Upload an account file */
        post: operations["AccountFilesController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account file */
        get: operations["AccountFilesController_get"];
        /** Rename an account file */
        put: operations["AccountFilesController_rename"];
        post?: never;
        /** Delete an account file */
        delete: operations["AccountFilesController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-files/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an account file */
        get: operations["AccountFilesController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-files/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account file's thumbnail */
        get: operations["AccountFilesController_thumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/header": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account page's header */
        get: operations["AccountPageController_header"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/custom-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account's custom field values */
        get: operations["AccountPageController_customFields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tax-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tax types */
        get: operations["TaxTypesController_list"];
        put?: never;
        /** Create a tax type */
        post: operations["TaxTypesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tax-types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a tax type */
        get: operations["TaxTypesController_get"];
        /** Update a tax type */
        put: operations["TaxTypesController_update"];
        post?: never;
        /** Delete a tax type */
        delete: operations["TaxTypesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/taxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List taxes */
        get: operations["TaxesController_list"];
        put?: never;
        /** Create a tax */
        post: operations["TaxesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/taxes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a tax */
        get: operations["TaxesController_get"];
        /** Update a tax */
        put: operations["TaxesController_update"];
        post?: never;
        /** Delete a tax */
        delete: operations["TaxesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tax-zones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tax zones */
        get: operations["TaxZonesController_list"];
        put?: never;
        /** Create a tax zone */
        post: operations["TaxZonesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tax-zones/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a tax zone */
        get: operations["TaxZonesController_get"];
        /** Update a tax zone */
        put: operations["TaxZonesController_update"];
        post?: never;
        /** Delete a tax zone */
        delete: operations["TaxZonesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{accountId}/geo-taxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the geographic taxes of an account's service location */
        get: operations["AccountTaxesController_geoTaxes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{accountId}/tax-overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an account's tax overrides */
        get: operations["AccountTaxesController_list"];
        put?: never;
        /** Create a tax override for an account */
        post: operations["AccountTaxesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{accountId}/tax-overrides/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a tax override */
        get: operations["AccountTaxesController_get"];
        /** Update a tax override */
        put: operations["AccountTaxesController_update"];
        post?: never;
        /** Delete a tax override */
        delete: operations["AccountTaxesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List services */
        get: operations["ServicesController_list"];
        put?: never;
        /** Create a service */
        post: operations["ServicesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a service */
        get: operations["ServicesController_get"];
        /** Update a service */
        put: operations["ServicesController_update"];
        post?: never;
        /** Delete a service */
        delete: operations["ServicesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List packages */
        get: operations["PackagesController_list"];
        put?: never;
        /** Create a package */
        post: operations["PackagesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/packages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a package */
        get: operations["PackagesController_get"];
        /** Update a package */
        put: operations["PackagesController_update"];
        post?: never;
        /** Delete a package */
        delete: operations["PackagesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the system billing settings */
        get: operations["BillingSettingsController_getSystem"];
        /** Update the system billing settings */
        put: operations["BillingSettingsController_updateSystem"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-types/{id}/billing-defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account type's billing defaults */
        get: operations["BillingSettingsController_getAccountType"];
        /** Update an account type's billing defaults */
        put: operations["BillingSettingsController_updateAccountType"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/billing-config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account's billing configuration */
        get: operations["BillingSettingsController_getAccount"];
        /** Update an account's billing configuration */
        put: operations["BillingSettingsController_updateAccount"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounting-period": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the accounting period */
        get: operations["AccountingPeriodController_get"];
        /** Update the accounting period */
        put: operations["AccountingPeriodController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/delinquency-exclusion-dates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List delinquency exclusion dates */
        get: operations["DelinquencyExclusionDatesController_list"];
        put?: never;
        /** Create a delinquency exclusion date */
        post: operations["DelinquencyExclusionDatesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/delinquency-exclusion-dates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a delinquency exclusion date */
        get: operations["DelinquencyExclusionDatesController_get"];
        /** Update a delinquency exclusion date */
        put: operations["DelinquencyExclusionDatesController_update"];
        post?: never;
        /** Delete a delinquency exclusion date */
        delete: operations["DelinquencyExclusionDatesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List invoices */
        get: operations["InvoicesController_list"];
        put?: never;
        /** Create an invoice */
        post: operations["InvoicesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an invoice */
        get: operations["InvoicesController_get"];
        /** Update an invoice */
        put: operations["InvoicesController_update"];
        post?: never;
        /** Delete an invoice */
        delete: operations["InvoicesController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an invoice's charges and credits */
        get: operations["InvoicesController_transactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{accountId}/invoices/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate an invoice for an account */
        post: operations["InvoicesController_generate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Void an invoice */
        post: operations["InvoicesController_voidInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}/apply-credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply an account's credits to an invoice */
        post: operations["InvoicesController_applyCredits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}/child-invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link a child invoice to an invoice */
        post: operations["InvoicesController_link"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}/parent-invoice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink an invoice from its parent */
        delete: operations["InvoicesController_unlink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List transactions */
        get: operations["TransactionsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transactions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a transaction */
        get: operations["TransactionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transactions/{id}/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a transaction's applications */
        get: operations["TransactionsController_applications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payments received across accounts
         * @description Filtered by receivedIn, the rows sum to that month's paid figure on the dashboard.
         */
        get: operations["TransactionsController_listPayments"];
        put?: never;
        /** Record a payment */
        post: operations["TransactionsController_pay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transactions/one-time": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post a one-time transaction */
        post: operations["TransactionsController_oneTime"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transactions/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post an adjustment */
        post: operations["TransactionsController_adjustment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transactions/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reverse a debit */
        post: operations["TransactionsController_reverse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transactions/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Void a credit */
        post: operations["TransactionsController_voidCredit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transactions/{id}/description": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a transaction's description */
        put: operations["TransactionsController_describe"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List account services */
        get: operations["AccountServicesController_list"];
        put?: never;
        /** Add a service to an account */
        post: operations["AccountServicesController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account service */
        get: operations["AccountServicesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an account service (quantity, price override, proration date) */
        patch: operations["AccountServicesController_edit"];
        trace?: never;
    };
    "/api/account-services/{id}/quantity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change an account service's quantity */
        put: operations["AccountServicesController_changeQuantity"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-services/{id}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove a service from an account */
        post: operations["AccountServicesController_remove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/billing-figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an account's billing figures */
        get: operations["AccountBillingController_accountFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/billing/books": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check the books */
        get: operations["AccountBillingController_books"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/child-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an account's child accounts */
        get: operations["AccountBillingController_listChildren"];
        put?: never;
        /** Link a child account */
        post: operations["AccountBillingController_linkChild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/child-accounts/{childId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unlink a child account */
        delete: operations["AccountBillingController_unlinkChild"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}/invoice.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an invoice as PDF */
        get: operations["BillingDocumentsController_invoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}/statement.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a statement as PDF */
        get: operations["BillingDocumentsController_statement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transactions/{id}/receipt.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a receipt as PDF */
        get: operations["BillingDocumentsController_receipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/late-fees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List late fees charged across accounts
         * @description Filtered from the first of the month through today, the rows sum to the dashboard's late fees this month.
         */
        get: operations["LateFeesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/disconnect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disconnect an account */
        post: operations["DisconnectionController_disconnect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/disconnections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an account's disconnections */
        get: operations["DisconnectionController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/disconnection-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the disconnection settings */
        get: operations["DisconnectionController_settings"];
        /** Update the disconnection settings */
        put: operations["DisconnectionController_updateSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bill-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List bill runs */
        get: operations["BillRunsController_list"];
        put?: never;
        /** Start a bill run */
        post: operations["BillRunsController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bill-runs/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview a bill run */
        post: operations["BillRunsController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bill-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a bill run */
        get: operations["BillRunsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bill-runs/{id}/parked/{accountId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release an account a bill run parked */
        post: operations["BillRunsController_release"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bill-runs/{id}/parked/{accountId}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dismiss an account a bill run parked */
        post: operations["BillRunsController_dismiss"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/scheduled-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an account's scheduled events */
        get: operations["ScheduledEventsController_list"];
        put?: never;
        /** Create a scheduled event for an account */
        post: operations["ScheduledEventsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduled-events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a scheduled event */
        get: operations["ScheduledEventsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a scheduled event */
        patch: operations["ScheduledEventsController_update"];
        trace?: never;
    };
    "/api/scheduled-events/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a scheduled event */
        post: operations["ScheduledEventsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scheduled-events/{id}/perform-now": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Perform a scheduled event now */
        post: operations["ScheduledEventsController_performNow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/payment-methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an account's payment methods */
        get: operations["PaymentMethodsController_list"];
        put?: never;
        /** Add a payment method for an account */
        post: operations["PaymentMethodsController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/payment-methods/setup-intent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start saving a payment method */
        post: operations["PaymentMethodsController_setupIntent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/payment-methods/{methodId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a payment method */
        delete: operations["PaymentMethodsController_remove"];
        options?: never;
        head?: never;
        /** Update a payment method */
        patch: operations["PaymentMethodsController_update"];
        trace?: never;
    };
    "/api/payments/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the panel collects cards and bank accounts (Stripe publishable key or test methods) */
        get: operations["PaymentsController_config"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/card": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Charge a card */
        post: operations["PaymentsController_card"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/bank": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Debit a bank account */
        post: operations["PaymentsController_bank"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/processor-payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an account's processor payments */
        get: operations["PaymentsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reconcile payments with the processor */
        get: operations["PaymentReversalsController_reconcile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/processor-payments/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reverse a processor payment */
        post: operations["PaymentReversalsController_reverse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/transactions/{id}/payment-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a payment's processor history */
        get: operations["PaymentReversalsController_paymentHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/processor-refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an account's processor refunds */
        get: operations["PaymentReversalsController_refunds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhook-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook events */
        get: operations["WebhookEventsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhook-events/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many processor events wait, and for how long */
        get: operations["WebhookEventsController_inboxFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhook-events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook event */
        get: operations["WebhookEventsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhook-events/{id}/redispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand a stored processor event to processing again */
        post: operations["WebhookEventsController_redispatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/autopay-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List autopay runs */
        get: operations["AutopayRunsController_list"];
        put?: never;
        /** Start an autopay run */
        post: operations["AutopayRunsController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/autopay-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an autopay run */
        get: operations["AutopayRunsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an account's emails */
        get: operations["EmailsController_list"];
        put?: never;
        /** Send an email to an account */
        post: operations["EmailsController_compose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List all */
        get: operations["EmailsController_listAll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/emails/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an email */
        get: operations["EmailsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/emails/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resend an email */
        post: operations["EmailsController_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/message-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List message templates */
        get: operations["MessageTemplatesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/message-templates/merge-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the merge fields of message templates */
        get: operations["MessageTemplatesController_mergeFields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/message-templates/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a message template */
        get: operations["MessageTemplatesController_get"];
        /** Update a message template */
        put: operations["MessageTemplatesController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/message-templates/{key}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview a message template */
        post: operations["MessageTemplatesController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}/email-recipients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an invoice's email recipients */
        get: operations["InvoiceEmailController_recipients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email an invoice */
        post: operations["InvoiceEmailController_email"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The billing team's figures for today */
        get: operations["DashboardController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/next-bill-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The next bill run's date and the accounts due on it as things stand
         * @description Counted by the bill run's own query of due accounts; on its own request because it is the slowest figure on a billing day.
         */
        get: operations["DashboardController_nextBillRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/call-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an account's call logs */
        get: operations["CallLogsController_list"];
        put?: never;
        /** Create a call log for an account */
        post: operations["CallLogsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/call-logs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a call log */
        get: operations["CallLogsController_get"];
        put?: never;
        post?: never;
        /** Delete a call log */
        delete: operations["CallLogsController_delete"];
        options?: never;
        head?: never;
        /** Update a call log */
        patch: operations["CallLogsController_update"];
        trace?: never;
    };
    "/api/call-logs/{id}/ticket-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request a ticket from a call log */
        post: operations["CallLogsController_requestTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nightly-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List nightly runs */
        get: operations["NightlyRunsController_list"];
        put?: never;
        /** Start the nightly run */
        post: operations["NightlyRunsController_startNightly"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/delinquency-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a delinquency run */
        post: operations["NightlyRunsController_startDelinquency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/delinquency-runs/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview a delinquency run */
        post: operations["NightlyRunsController_previewDelinquency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contract-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contract templates */
        get: operations["ContractTemplatesController_list"];
        put?: never;
        /** Create a contract template */
        post: operations["ContractTemplatesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contract-templates/merge-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the merge fields of contract templates */
        get: operations["ContractTemplatesController_mergeFields"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contract-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a contract template */
        get: operations["ContractTemplatesController_get"];
        /** Update a contract template */
        put: operations["ContractTemplatesController_update"];
        post?: never;
        /** Delete a contract template */
        delete: operations["ContractTemplatesController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contract-templates/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a template (or a draft body) for an account */
        post: operations["ContractTemplatesController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contracts */
        get: operations["ContractsController_list"];
        put?: never;
        /** Write a contract onto an account from an enabled template */
        post: operations["ContractsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tell which contract a signed PDF is and whether it is intact */
        post: operations["ContractsController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a contract */
        get: operations["ContractsController_get"];
        /** Write an unsigned contract again from its template (or another one) */
        put: operations["ContractsController_update"];
        post?: never;
        /** Delete a contract */
        delete: operations["ContractsController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in person: the subscriber types a name and draws a signature on the staff screen */
        post: operations["ContractsController_sign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send for signature to one of the account’s contacts */
        post: operations["ContractsController_send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resend */
        post: operations["ContractsController_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw the open signing request */
        post: operations["ContractsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/signature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Signature */
        get: operations["ContractsController_signature"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download */
        get: operations["ContractsController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/contract-signing/view": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The document a signing link opens */
        post: operations["PublicSigningController_view"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/contract-signing/sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign */
        post: operations["PublicSigningController_sign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/contract-signing/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline */
        post: operations["PublicSigningController_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/network-reconciliations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List network reconciliations */
        get: operations["NetworkReconciliationController_list"];
        put?: never;
        /** Compare FreeRADIUS and the DHCP servers with Backhaul now and repair the difference */
        post: operations["NetworkReconciliationController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/network-reconciliations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a network reconciliation */
        get: operations["NetworkReconciliationController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/network-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the network servers are in step with the account: pending changes, the last applied, the run now */
        get: operations["AccountNetworkStatusController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/network-sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write the account’s whole network state to the servers now, with whatever is pending */
        post: operations["AccountNetworkStatusController_syncNow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ip-supernets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List supernets */
        get: operations["IpPlanController_listSupernets"];
        put?: never;
        /** Create supernet */
        post: operations["IpPlanController_createSupernet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ip-supernets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get supernet */
        get: operations["IpPlanController_getSupernet"];
        put?: never;
        post?: never;
        /** Delete supernet */
        delete: operations["IpPlanController_deleteSupernet"];
        options?: never;
        head?: never;
        /** Update supernet */
        patch: operations["IpPlanController_updateSupernet"];
        trace?: never;
    };
    "/api/ip-subnets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List subnets */
        get: operations["IpPlanController_listSubnets"];
        put?: never;
        /** Create subnet */
        post: operations["IpPlanController_createSubnet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ip-subnets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get subnet */
        get: operations["IpPlanController_getSubnet"];
        put?: never;
        post?: never;
        /** Delete subnet */
        delete: operations["IpPlanController_deleteSubnet"];
        options?: never;
        head?: never;
        /** Update subnet */
        patch: operations["IpPlanController_updateSubnet"];
        trace?: never;
    };
    "/api/ip-pools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List pools */
        get: operations["IpPlanController_listPools"];
        put?: never;
        /** Create pool */
        post: operations["IpPlanController_createPool"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ip-pools/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get pool */
        get: operations["IpPlanController_getPool"];
        put?: never;
        post?: never;
        /** Delete pool */
        delete: operations["IpPlanController_deletePool"];
        options?: never;
        head?: never;
        /** Update pool */
        patch: operations["IpPlanController_updatePool"];
        trace?: never;
    };
    "/api/ip-pools/{id}/next-free-address": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take the lowest free address of the pool and keep it for you for ten minutes */
        post: operations["IpPlanController_nextFree"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ip-pools/{id}/held-addresses/{address}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Give back an address you were holding, unused; the next "next free" may offer it */
        delete: operations["IpPlanController_releaseHeld"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/uninventoried-macs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List macs */
        get: operations["IpAssignmentsController_listMacs"];
        put?: never;
        /** Keep a MAC address on the account, with an address assigned to it at once when a pool or address is given */
        post: operations["IpAssignmentsController_createMac"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uninventoried-macs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete mac */
        delete: operations["IpAssignmentsController_deleteMac"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/ip-assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an account's ip assignments */
        get: operations["IpAssignmentsController_list"];
        put?: never;
        /** Create an ip assignment for an account */
        post: operations["IpAssignmentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/ip-assignments/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move every active assignment of the account to another account */
        post: operations["IpAssignmentsController_moveAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ip-assignments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an ip assignment */
        get: operations["IpAssignmentsController_get"];
        put?: never;
        post?: never;
        /** Delete an ip assignment */
        delete: operations["IpAssignmentsController_remove"];
        options?: never;
        head?: never;
        /** Update an ip assignment */
        patch: operations["IpAssignmentsController_update"];
        trace?: never;
    };
    "/api/accounts/{id}/radius-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an account's radius accounts */
        get: operations["RadiusController_list"];
        put?: never;
        /** Create a radius account for an account */
        post: operations["RadiusController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/radius-accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a radius account */
        get: operations["RadiusController_get"];
        put?: never;
        post?: never;
        /** Delete a radius account */
        delete: operations["RadiusController_delete"];
        options?: never;
        head?: never;
        /** Update a radius account */
        patch: operations["RadiusController_update"];
        trace?: never;
    };
    "/api/nas-devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List nas */
        get: operations["RadiusController_listNas"];
        put?: never;
        /** Create nas */
        post: operations["RadiusController_createNas"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/nas-devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get nas */
        get: operations["RadiusController_getNas"];
        put?: never;
        post?: never;
        /** Delete nas */
        delete: operations["RadiusController_deleteNas"];
        options?: never;
        head?: never;
        /** Update nas */
        patch: operations["RadiusController_updateNas"];
        trace?: never;
    };
    "/api/inventory-manufacturers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List manufacturers */
        get: operations["InventoryController_listManufacturers"];
        put?: never;
        /** Create manufacturer */
        post: operations["InventoryController_createManufacturer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory-manufacturers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get manufacturer */
        get: operations["InventoryController_getManufacturer"];
        put?: never;
        post?: never;
        /** Delete manufacturer */
        delete: operations["InventoryController_deleteManufacturer"];
        options?: never;
        head?: never;
        /** Update manufacturer */
        patch: operations["InventoryController_updateManufacturer"];
        trace?: never;
    };
    "/api/inventory-models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List models */
        get: operations["InventoryController_listModels"];
        put?: never;
        /** Create model */
        post: operations["InventoryController_createModel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory-models/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get model */
        get: operations["InventoryController_getModel"];
        put?: never;
        post?: never;
        /** Delete model */
        delete: operations["InventoryController_deleteModel"];
        options?: never;
        head?: never;
        /** Update model */
        patch: operations["InventoryController_updateModel"];
        trace?: never;
    };
    "/api/stock-locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List locations */
        get: operations["InventoryController_listLocations"];
        put?: never;
        /** Create location */
        post: operations["InventoryController_createLocation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stock-locations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get location */
        get: operations["InventoryController_getLocation"];
        put?: never;
        post?: never;
        /** Delete location */
        delete: operations["InventoryController_deleteLocation"];
        options?: never;
        head?: never;
        /** Update location */
        patch: operations["InventoryController_updateLocation"];
        trace?: never;
    };
    "/api/inventory-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List items */
        get: operations["InventoryController_listItems"];
        put?: never;
        /** Create item */
        post: operations["InventoryController_createItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory-items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get item */
        get: operations["InventoryController_getItem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update item */
        patch: operations["InventoryController_updateItem"];
        trace?: never;
    };
    "/api/inventory-items/{id}/assignee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give the item to an account (deployed) or a stock location */
        post: operations["InventoryController_changeAssignee"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/inventory-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign an item from stock to the account */
        post: operations["InventoryController_assignToAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory-items/{id}/connected-devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Connected devices */
        get: operations["InventoryController_connectedDevices"];
        put?: never;
        /** Record a MAC address seen behind the item */
        post: operations["InventoryController_reportConnectedDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dhcp-servers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List dhcp servers */
        get: operations["DhcpController_list"];
        put?: never;
        /** Create a dhcp server */
        post: operations["DhcpController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dhcp-servers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a dhcp server */
        get: operations["DhcpController_get"];
        put?: never;
        post?: never;
        /** Delete a dhcp server */
        delete: operations["DhcpController_delete"];
        options?: never;
        head?: never;
        /** Update a dhcp server */
        patch: operations["DhcpController_update"];
        trace?: never;
    };
    "/api/address-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List address lists */
        get: operations["AddressListsController_list"];
        put?: never;
        /** Create an address list */
        post: operations["AddressListsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/address-lists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an address list */
        get: operations["AddressListsController_get"];
        put?: never;
        post?: never;
        /** Delete an address list */
        delete: operations["AddressListsController_delete"];
        options?: never;
        head?: never;
        /** Update an address list */
        patch: operations["AddressListsController_update"];
        trace?: never;
    };
    "/api/address-lists/{id}/fetch-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give the list a new fetch key; the old one stops working at once */
        post: operations["AddressListsController_rotateKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/address-lists/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Preview */
        get: operations["AddressListsController_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/address-lists/{name}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The list for a router: plain lines or a RouterOS script, with an ETag */
        get: operations["AddressListsController_fetch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/usage-periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account’s usage per billing period, the current one first */
        get: operations["UsageController_periods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{id}/usage-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account’s usage hour by hour over a range, for the throughput chart */
        get: operations["UsageController_hours"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in */
        post: operations["SessionsController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out */
        post: operations["SessionsController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the signed-in user */
        get: operations["SessionsController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check health */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scrape Prometheus metrics */
        get: operations["MetricsController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a Stripe event
         * @description Public: the signature on the raw body is the authentication. The event is stored once by its id and answered; processing follows in Temporal, after the answer.
         */
        post: operations["receiveStripeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ActionHistoryFilterDto: {
            entityType?: string;
            entityId?: string;
            /** @description Everything that happened to an account and what it owns */
            accountId?: number;
            action?: string;
            /**
             * @description A kind of action, as listed by GET /action-history/kinds
             * @example invoice.generate
             */
            kind?: string;
            actorUserId?: number;
            /** @description Request id, to see everything one request changed */
            requestId?: string;
            /** @example 2026-11-01T00:00:00Z */
            createdFrom?: string;
            /** @example 2026-12-01T00:00:00Z */
            createdTo?: string;
        };
        ActionLinkDto: {
            /** @example Invoice INV-0000006 */
            label: string;
            /**
             * @description The API resource the link names
             * @example invoices
             */
            resource: string;
            id: number | string;
        };
        ActionHistoryEntryDto: {
            id: number | string;
            actorUserId: number | null;
            actorEmail: string | null;
            /** @example update */
            action: string;
            /**
             * @description What happened, in words
             * @example Service 'Fiber 100' added to the account
             */
            summary: string;
            /** @description What the summary names */
            links: components["schemas"]["ActionLinkDto"][];
            /** @example account */
            entityType: string;
            entityId: string;
            /** @description The account the entity belongs to, if any */
            accountId: number | null;
            /** @description The record as it stood; secrets are never recorded */
            before: {
                [key: string]: unknown;
            } | null;
            /** @description The record as it stood; secrets are never recorded */
            after: {
                [key: string]: unknown;
            } | null;
            requestId: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        FieldErrorDto: {
            /** @example email */
            field: string;
            /**
             * @description The rule that failed
             * @example isEmail
             */
            rule: string;
            /** @example email must be an email */
            message: string;
        };
        ErrorResponseDto: {
            /** @example 400 */
            statusCode: number;
            /** @example Bad Request */
            error: string;
            /**
             * @description The first problem, in a sentence
             * @example email must be an email (and 1 more problem in details).
             */
            message: string;
            details: components["schemas"]["FieldErrorDto"][];
            /**
             * @description A stable name for the rule a domain error broke, for programs to branch on; every value is listed here
             * @example invoice_frozen
             * @enum {string}
             */
            code?: "not_found" | "validation_failed" | "idempotency_key_reused" | "account_own_parent" | "parent_cannot_become_child" | "child_cannot_be_parent" | "account_type_in_use" | "account_type_name_taken" | "account_status_in_use" | "account_status_name_taken" | "account_group_in_use" | "account_group_name_taken" | "address_list_name_taken" | "export_not_started" | "export_not_ready" | "unauthenticated" | "forbidden" | "invalid_credentials" | "login_throttled" | "parked_account_resolved" | "nothing_to_invoice" | "invoice_void" | "invoice_frozen" | "invoice_not_manual" | "invoice_has_reversals" | "invoice_linked" | "invoice_not_linked" | "not_a_debit" | "not_a_credit" | "already_reversed" | "already_voided" | "reversal_cannot_be_voided" | "unused_days_credit" | "correction_before_original" | "service_removed" | "price_unchanged" | "accounting_period_closed" | "accounting_period_reopen" | "accounting_period_backwards" | "exclusion_date_taken" | "package_in_use" | "package_name_taken" | "service_in_use" | "service_in_package" | "service_name_taken" | "portal_username_taken" | "primary_contact_needs_successor" | "message_category_name_taken" | "contract_template_in_use" | "contract_template_disabled" | "contract_signed" | "contract_state" | "signing_link_invalid" | "contract_signing_not_configured" | "contract_signing_process_unavailable" | "contract_signing_throttled" | "inventory_duplicate" | "inventory_in_use" | "ip_range_overlap" | "ip_range_in_use" | "ip_address_taken" | "ip_pool_exhausted" | "ip_assignment_removed" | "radius_username_taken" | "nas_address_taken" | "nas_name_taken" | "radius_account_in_use" | "no_recipients" | "custom_field_name_taken" | "custom_field_has_values" | "custom_field_option_in_use" | "custom_field_has_duplicates" | "custom_field_values_too_long" | "custom_field_value_taken" | "dhcp_server_in_use" | "dhcp_server_name_taken" | "account_disconnected" | "disconnect_default_changed" | "no_disconnect_status" | "disconnect_status_active" | "email_still_queued" | "contact_without_email" | "file_too_large" | "unsupported_media_type" | "upload_aborted" | "nightly_date_not_yet" | "processor_unavailable" | "processor_refused" | "payment_failed" | "payment_in_progress" | "payment_reversed" | "payment_not_recorded" | "refund_impossible" | "event_closed" | "event_in_progress" | "one_data_service" | "removal_already_scheduled" | "scheduler_unavailable" | "tax_in_use" | "tax_name_taken" | "tax_type_in_use" | "tax_type_name_taken" | "tax_override_exists" | "email_taken" | "role_in_use" | "role_name_taken" | "invalid_signature" | "malformed_event" | "webhook_event_settled";
            /** @example b1946ac9-2f1c-4c7e-9d5a-3cf3c1b8f0aa */
            requestId?: string;
        };
        ActionKindDto: {
            /**
             * @description What the kind filter takes
             * @example invoice.generate
             */
            id: string;
            /** @example Invoice generated by a bill run */
            label: string;
        };
        ViewHistoryFilterDto: {
            entityType?: string;
            entityId?: string;
            userId?: number;
        };
        ViewHistoryEntryDto: {
            id: number | string;
            userId: number;
            userEmail: string;
            /** @example account */
            entityType: string;
            entityId: string;
            /** Format: date-time */
            viewedAt: string;
        };
        StartAuditExportDto: {
            filter: components["schemas"]["ActionHistoryFilterDto"];
        };
        UserFilterDto: {
            /** @description Matches email or name */
            q?: string;
            active?: boolean;
            roleId?: number;
            /** @description react-admin getMany */
            id?: number[];
        };
        UserResponseDto: {
            id: number;
            email: string;
            name: string;
            active: boolean;
            roleIds: number[];
            /** Format: date-time */
            lastLoginAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateUserDto: {
            /** @example clerk@isp.example */
            email: string;
            /** @example Dana Clerk */
            name: string;
            password: string;
            /** @default true */
            active?: boolean;
            roleIds?: number[];
        };
        UpdateUserDto: {
            /** @example clerk@isp.example */
            email?: string;
            /** @example Dana Clerk */
            name?: string;
            password?: string;
            /** @default true */
            active?: boolean;
            roleIds?: number[];
        };
        RoleFilterDto: {
            q?: string;
            id?: number[];
        };
        RoleResponseDto: {
            id: number;
            name: string;
            description: string;
            permissions: ("users.read" | "users.manage" | "roles.read" | "roles.manage" | "audit.read" | "audit.export" | "system.metrics" | "accounts.read" | "accounts.manage" | "accounts.configure" | "accounts.disconnect" | "billing.read" | "billing.manage" | "billing.void" | "billing.proration_override" | "billing.child_accounts" | "billing.configure" | "correspondence.read" | "correspondence.write" | "correspondence.configure" | "nightly.read" | "nightly.run" | "webhooks.read" | "webhooks.dispatch" | "contracts.read" | "contracts.manage" | "contracts.configure" | "network.read" | "network.manage" | "network.configure")[];
            userCount: number;
        };
        CreateRoleDto: {
            /** @example Billing clerk */
            name: string;
            description?: string;
            permissions: ("users.read" | "users.manage" | "roles.read" | "roles.manage" | "audit.read" | "audit.export" | "system.metrics" | "accounts.read" | "accounts.manage" | "accounts.configure" | "accounts.disconnect" | "billing.read" | "billing.manage" | "billing.void" | "billing.proration_override" | "billing.child_accounts" | "billing.configure" | "correspondence.read" | "correspondence.write" | "correspondence.configure" | "nightly.read" | "nightly.run" | "webhooks.read" | "webhooks.dispatch" | "contracts.read" | "contracts.manage" | "contracts.configure" | "network.read" | "network.manage" | "network.configure")[];
        };
        UpdateRoleDto: {
            /** @example Billing clerk */
            name?: string;
            description?: string;
            permissions?: ("users.read" | "users.manage" | "roles.read" | "roles.manage" | "audit.read" | "audit.export" | "system.metrics" | "accounts.read" | "accounts.manage" | "accounts.configure" | "accounts.disconnect" | "billing.read" | "billing.manage" | "billing.void" | "billing.proration_override" | "billing.child_accounts" | "billing.configure" | "correspondence.read" | "correspondence.write" | "correspondence.configure" | "nightly.read" | "nightly.run" | "webhooks.read" | "webhooks.dispatch" | "contracts.read" | "contracts.manage" | "contracts.configure" | "network.read" | "network.manage" | "network.configure")[];
        };
        PermissionFilterDto: Record<string, never>;
        PermissionDto: {
            /** @example users.manage */
            id: string;
            description: string;
        };
        AccountLookupFilterDto: {
            q?: string;
            id?: number[];
        };
        AccountTypeResponseDto: {
            id: number;
            name: string;
            description: string;
        };
        CreateAccountTypeDto: {
            /** @example Residential */
            name: string;
            /** @default  */
            description?: string;
        };
        UpdateAccountTypeDto: {
            /** @example Residential */
            name?: string;
            /** @default  */
            description?: string;
        };
        AccountStatusResponseDto: {
            id: number;
            name: string;
            countsAsActive: boolean;
            isDelinquency: boolean;
            /** @example #2e7d32 */
            color: string;
        };
        CreateAccountStatusDto: {
            /** @example Active */
            name: string;
            /** @default true */
            countsAsActive?: boolean;
            /** @default false */
            isDelinquency?: boolean;
            /**
             * @default #607d8b
             * @example #2e7d32
             */
            color?: string;
        };
        UpdateAccountStatusDto: {
            /** @example Active */
            name?: string;
            /** @default true */
            countsAsActive?: boolean;
            /** @default false */
            isDelinquency?: boolean;
            /**
             * @default #607d8b
             * @example #2e7d32
             */
            color?: string;
        };
        AccountGroupResponseDto: {
            id: number;
            name: string;
            description: string;
        };
        CreateAccountGroupDto: {
            /** @example Residential */
            name: string;
            /** @default  */
            description?: string;
        };
        UpdateAccountGroupDto: {
            /** @example Residential */
            name?: string;
            /** @default  */
            description?: string;
        };
        AccountFilterDto: {
            /** @description The global search */
            q?: string;
            accountStatusId?: number;
            accountTypeId?: number;
            groupId?: number;
            parentAccountId?: number;
            id?: number[];
            /** @description Only accounts whose status is a delinquency status (true), or only the others (false) */
            delinquent?: boolean;
        };
        ServiceAddressResponseDto: {
            line1: string;
            line2: string | null;
            city: string;
            region: string;
            postcode: string;
            country: string;
            latitude: string | null;
            longitude: string | null;
        };
        AddressResponseDto: {
            line1: string;
            line2: string | null;
            city: string;
            region: string;
            postcode: string;
            country: string;
        };
        AccountResponseDto: {
            id: number;
            name: string;
            accountTypeId: number;
            accountStatusId: number;
            groupIds: number[];
            parentAccountId: number | null;
            /** Format: date-time */
            activatedAt: string | null;
            serviceAddress: components["schemas"]["ServiceAddressResponseDto"];
            mailingAddress: components["schemas"]["AddressResponseDto"] | null;
            /** @description Values keyed by custom field id */
            customFields: {
                [key: string]: (string | null) | number | boolean;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ServiceAddressDto: {
            /** @example 12 Oak St */
            line1: string;
            line2?: string | null;
            /** @example Springfield */
            city: string;
            /** @example IL */
            region: string;
            /** @example 62701 */
            postcode: string;
            /**
             * @description ISO 3166-1 alpha-2, upper case
             * @example US
             */
            country: string;
            /** @example 39.781721 */
            latitude?: string | null;
            /** @example -89.650148 */
            longitude?: string | null;
        };
        AddressDto: {
            /** @example 12 Oak St */
            line1: string;
            line2?: string | null;
            /** @example Springfield */
            city: string;
            /** @example IL */
            region: string;
            /** @example 62701 */
            postcode: string;
            /**
             * @description ISO 3166-1 alpha-2, upper case
             * @example US
             */
            country: string;
        };
        CreateAccountDto: {
            /** @example Jane Rivera */
            name: string;
            accountTypeId: number;
            accountStatusId: number;
            groupIds?: number[];
            parentAccountId?: number | null;
            serviceAddress: components["schemas"]["ServiceAddressDto"];
            mailingAddress?: components["schemas"]["AddressDto"] | null;
            /** @description Values keyed by custom field id */
            customFields?: {
                [key: string]: (string | null) | number | boolean;
            };
        };
        UpdateAccountDto: {
            /** @example Jane Rivera */
            name?: string;
            accountTypeId?: number;
            accountStatusId?: number;
            groupIds?: number[];
            parentAccountId?: number | null;
            serviceAddress?: components["schemas"]["ServiceAddressDto"];
            mailingAddress?: components["schemas"]["AddressDto"] | null;
            /** @description Values keyed by custom field id */
            customFields?: {
                [key: string]: (string | null) | number | boolean;
            };
        };
        SearchHitStatusDto: {
            name: string;
            color: string;
        };
        SearchHitDto: {
            accountId: number;
            name: string;
            /** @enum {string} */
            matched: "id" | "invoice" | "customField" | "name" | "contact" | "email" | "phone" | "address";
            /**
             * @description The invoice number, or the custom field and its value, that matched; null for matches on the account itself
             * @example INV-0000006
             */
            matchedText: string | null;
            status: components["schemas"]["SearchHitStatusDto"];
        };
        ContactFilterDto: {
            accountId?: number;
            /** @description react-admin getMany */
            id?: number[];
        };
        ContactPhoneResponseDto: {
            /** @enum {string} */
            type: "mobile" | "home" | "work" | "fax" | "other";
            /** @example +12175550100 */
            number: string;
            extension: string | null;
        };
        ContactResponseDto: {
            id: number;
            accountId: number;
            name: string;
            role: string | null;
            email: string | null;
            language: string;
            isPrimary: boolean;
            phones: components["schemas"]["ContactPhoneResponseDto"][];
            messageCategoryIds: number[];
            portalUsername: string | null;
            hasPortalPassword: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ContactPhoneDto: {
            /** @enum {string} */
            type: "mobile" | "home" | "work" | "fax" | "other";
            /**
             * @description Any common formatting; without a leading + it is read as a US number
             * @example (217) 555-0100
             */
            number: string;
            /** @example 204 */
            extension?: string | null;
        };
        CreateContactDto: {
            /** @example Owner */
            role?: string | null;
            email?: string | null;
            /** @example en */
            language?: string;
            phones?: components["schemas"]["ContactPhoneDto"][];
            /** @description Defaults to the default message categories on create */
            messageCategoryIds?: number[];
            accountId: number;
            /** @example Jane Rivera */
            name: string;
            /** @description Comes together with portalPassword */
            portalUsername?: string;
            /** @description Comes together with portalUsername; stored as argon2id, never returned */
            portalPassword?: string;
        };
        UpdateContactDto: {
            /** @example Owner */
            role?: string | null;
            email?: string | null;
            /** @example en */
            language?: string;
            phones?: components["schemas"]["ContactPhoneDto"][];
            /** @description Defaults to the default message categories on create */
            messageCategoryIds?: number[];
            /** @example Jane Rivera */
            name?: string;
        };
        PortalCredentialsDto: {
            username: string;
            password: string;
        };
        MessageCategoryFilterDto: {
            q?: string;
            id?: number[];
        };
        MessageCategoryResponseDto: {
            id: number;
            name: string;
            isDefault: boolean;
        };
        CreateMessageCategoryDto: {
            /** @example Outage notices */
            name: string;
            /**
             * @description Added to every new contact that does not pick its own categories
             * @default false
             */
            isDefault?: boolean;
        };
        UpdateMessageCategoryDto: {
            /** @example Outage notices */
            name?: string;
            /**
             * @description Added to every new contact that does not pick its own categories
             * @default false
             */
            isDefault?: boolean;
        };
        CustomFieldFilterDto: {
            q?: string;
            id?: number[];
            active?: boolean;
        };
        CustomFieldResponseDto: {
            id: number;
            name: string;
            /** @enum {string} */
            type: "text" | "integer" | "decimal" | "date" | "boolean" | "select";
            required: boolean;
            unique: boolean;
            pattern: string | null;
            /** @description A value matching the pattern, for help text */
            example: string | null;
            options: string[] | null;
            position: number;
            active: boolean;
        };
        CreateCustomFieldDto: {
            required?: boolean;
            unique?: boolean;
            /**
             * @description Text fields only; the whole value must match
             * @example FIBER-\d{4}
             */
            pattern?: string | null;
            /**
             * @description Text fields with a pattern only; a value that matches it, shown to clerks as help
             * @example FIBER-0042
             */
            example?: string | null;
            /** @description Select fields only */
            options?: string[] | null;
            position?: number;
            active?: boolean;
            /** @example Circuit id */
            name: string;
            /** @enum {string} */
            type: "text" | "integer" | "decimal" | "date" | "boolean" | "select";
        };
        UpdateCustomFieldDto: {
            required?: boolean;
            unique?: boolean;
            /**
             * @description Text fields only; the whole value must match
             * @example FIBER-\d{4}
             */
            pattern?: string | null;
            /**
             * @description Text fields with a pattern only; a value that matches it, shown to clerks as help
             * @example FIBER-0042
             */
            example?: string | null;
            /** @description Select fields only */
            options?: string[] | null;
            position?: number;
            active?: boolean;
            /** @example Circuit id */
            name?: string;
            /** @enum {string} */
            type?: "text" | "integer" | "decimal" | "date" | "boolean" | "select";
        };
        AccountNoteFilterDto: {
            accountId?: number;
            /** @description react-admin getMany */
            id?: number[];
        };
        AccountNoteResponseDto: {
            id: number;
            accountId: number;
            authorUserId: number;
            authorName: string;
            body: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateAccountNoteDto: {
            /** @example Called about the outage; promised a credit. */
            body: string;
            /** @example 42 */
            accountId: number;
        };
        UpdateAccountNoteDto: {
            /** @example Called about the outage; promised a credit. */
            body: string;
        };
        AccountTaskFilterDto: {
            accountId?: number;
            completed?: boolean;
            assignedUserId?: number;
            /** @description react-admin getMany */
            id?: number[];
        };
        AccountTaskResponseDto: {
            id: number;
            accountId: number;
            title: string;
            description: string | null;
            assignedUserId: number | null;
            assignedUserName: string | null;
            /** Format: date */
            dueDate: string | null;
            completed: boolean;
            /** Format: date-time */
            completedAt: string | null;
            completedByUserId: number | null;
            completedByName: string | null;
            createdByUserId: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateAccountTaskDto: {
            /** @example 42 */
            accountId: number;
            /** @example Replace the ONT */
            title: string;
            description?: string | null;
            /** @description An active staff user */
            assignedUserId?: number | null;
            /**
             * Format: date
             * @example 2026-12-01
             */
            dueDate?: string | null;
        };
        UpdateAccountTaskDto: {
            /** @description Tasks stay with their account; only the current id is accepted */
            accountId?: number;
            title?: string;
            description?: string | null;
            assignedUserId?: number | null;
            /** Format: date */
            dueDate?: string | null;
            /** @description true records who completed it and when; false clears both */
            completed?: boolean;
        };
        AccountFileFilterDto: {
            accountId?: number;
            /** @description react-admin getMany */
            id?: number[];
        };
        AccountFileResponseDto: {
            id: number;
            accountId: number;
            name: string;
            sizeBytes: number;
            /** @example application/pdf */
            mimeType: string;
            hasThumbnail: boolean;
            uploadedByUserId: number;
            uploadedByName: string;
            /** Format: date-time */
            createdAt: string;
        };
        UploadAccountFileDto: {
            /** @example 42 */
            accountId: number;
            /** Format: binary */
            file: string;
        };
        RenameAccountFileDto: {
            /** @example signed-contract.pdf */
            name: string;
        };
        HeaderStatusDto: {
            id: number;
            name: string;
            color: string;
            countsAsActive: boolean;
            isDelinquency: boolean;
        };
        HeaderRefDto: {
            id: number;
            name: string;
        };
        HeaderLocationDto: {
            /** @example 12 Oak St, Springfield, IL 62701, US */
            formatted: string;
            latitude: string | null;
            longitude: string | null;
        };
        HeaderContactDto: {
            id: number;
            name: string;
            email: string | null;
            mobile: string | null;
        };
        HeaderChildrenDto: {
            count: number;
            items: components["schemas"]["HeaderRefDto"][];
        };
        AccountHeaderDto: {
            id: number;
            name: string;
            status: components["schemas"]["HeaderStatusDto"];
            type: components["schemas"]["HeaderRefDto"];
            groups: components["schemas"]["HeaderRefDto"][];
            location: components["schemas"]["HeaderLocationDto"];
            primaryContact: components["schemas"]["HeaderContactDto"] | null;
            parent: components["schemas"]["HeaderRefDto"] | null;
            children: components["schemas"]["HeaderChildrenDto"];
            /**
             * Format: date
             * @description The next date a bill run invoices the account, as the billing figures give it
             */
            nextBillingDate: string | null;
        };
        CustomFieldDisplayDto: {
            fieldId: number;
            name: string;
            /** @enum {string} */
            type: "text" | "integer" | "decimal" | "date" | "boolean" | "select";
            value: (string | null) | number | boolean;
        };
        TaxTypeFilterDto: {
            /** @description Part of the name */
            q?: string;
            /** @description react-admin getMany */
            id?: number[];
        };
        TaxTypeResponseDto: {
            id: number;
            name: string;
        };
        CreateTaxTypeDto: {
            /** @example Sales tax */
            name: string;
        };
        UpdateTaxTypeDto: {
            /** @example Sales tax */
            name?: string;
        };
        TaxFilterDto: {
            /** @description Part of the name */
            q?: string;
            /** @description react-admin getMany */
            id?: number[];
            taxTypeId?: number;
            active?: boolean;
            /** @description true: only taxes with zones; false: only taxes charged everywhere */
            geographic?: boolean;
        };
        TaxResponseDto: {
            id: number;
            name: string;
            taxTypeId: number;
            taxTypeName: string;
            /**
             * @description Percent × 10 000: 8.25 % is 82500, 100 % is 1000000
             * @example 82500
             */
            rateE4: number;
            active: boolean;
            /** @description Has zones, so it applies only to accounts whose service location is inside one */
            geographic: boolean;
            zoneCount: number;
        };
        CreateTaxDto: {
            /** @example Illinois sales tax */
            name: string;
            /** @description A tax type id */
            taxTypeId: number;
            /**
             * @description Percent × 10 000: 8.25 % is 82500, 100 % is 1000000
             * @example 82500
             */
            rateE4: number;
            /**
             * @description An inactive tax is charged nowhere, whatever carries it
             * @default true
             */
            active?: boolean;
        };
        UpdateTaxDto: {
            /** @example Illinois sales tax */
            name?: string;
            taxTypeId?: number;
            /**
             * @description Percent × 10 000: 8.25 % is 82500, 100 % is 1000000
             * @example 82500
             */
            rateE4?: number;
            active?: boolean;
        };
        TaxZoneFilterDto: {
            /** @description Part of the name */
            q?: string;
            /** @description react-admin getMany */
            id?: number[];
            taxId?: number;
        };
        TaxZoneResponseDto: {
            id: number;
            name: string;
            taxId: number;
            taxName: string;
            /**
             * @description GeoJSON Polygon or MultiPolygon, positions as [longitude, latitude] in decimal degrees. Each ring is closed (ends with its first position) and has at least 4 positions; the first ring of a polygon is its outline and the others are holes. Kept to six decimals.
             * @example {
             *       "type": "Polygon",
             *       "coordinates": [
             *         [
             *           [
             *             -89.7,
             *             39.75
             *           ],
             *           [
             *             -89.55,
             *             39.75
             *           ],
             *           [
             *             -89.55,
             *             39.85
             *           ],
             *           [
             *             -89.7,
             *             39.85
             *           ],
             *           [
             *             -89.7,
             *             39.75
             *           ]
             *         ]
             *       ]
             *     }
             */
            geometry: {
                /** @enum {string} */
                type: "Polygon";
                coordinates: number[][][];
            } | {
                /** @enum {string} */
                type: "MultiPolygon";
                coordinates: number[][][][];
            };
        };
        CreateTaxZoneDto: {
            /** @example Springfield city limits */
            name: string;
            /** @description The geographic tax this zone belongs to */
            taxId: number;
            /**
             * @description GeoJSON Polygon or MultiPolygon, positions as [longitude, latitude] in decimal degrees. Each ring is closed (ends with its first position) and has at least 4 positions; the first ring of a polygon is its outline and the others are holes. Kept to six decimals.
             * @example {
             *       "type": "Polygon",
             *       "coordinates": [
             *         [
             *           [
             *             -89.7,
             *             39.75
             *           ],
             *           [
             *             -89.55,
             *             39.75
             *           ],
             *           [
             *             -89.55,
             *             39.85
             *           ],
             *           [
             *             -89.7,
             *             39.85
             *           ],
             *           [
             *             -89.7,
             *             39.75
             *           ]
             *         ]
             *       ]
             *     }
             */
            geometry: {
                [key: string]: unknown;
            };
        };
        UpdateTaxZoneDto: {
            /** @example Springfield city limits */
            name?: string;
            taxId?: number;
            /**
             * @description GeoJSON Polygon or MultiPolygon, positions as [longitude, latitude] in decimal degrees. Each ring is closed (ends with its first position) and has at least 4 positions; the first ring of a polygon is its outline and the others are holes. Kept to six decimals.
             * @example {
             *       "type": "Polygon",
             *       "coordinates": [
             *         [
             *           [
             *             -89.7,
             *             39.75
             *           ],
             *           [
             *             -89.55,
             *             39.75
             *           ],
             *           [
             *             -89.55,
             *             39.85
             *           ],
             *           [
             *             -89.7,
             *             39.85
             *           ],
             *           [
             *             -89.7,
             *             39.75
             *           ]
             *         ]
             *       ]
             *     }
             */
            geometry?: {
                [key: string]: unknown;
            };
        };
        GeoTaxFilterDto: {
            taxId?: number;
        };
        GeoTaxZoneDto: {
            id: number;
            name: string;
        };
        GeoTaxResponseDto: {
            taxId: number;
            taxName: string;
            taxTypeName: string;
            /**
             * @description Percent × 10 000: 8.25 % is 82500, 100 % is 1000000
             * @example 82500
             */
            rateE4: number;
            /** @description An inactive tax is listed but charged nowhere */
            active: boolean;
            zones: components["schemas"]["GeoTaxZoneDto"][];
        };
        AccountTaxOverrideFilterDto: {
            id?: number[];
            taxId?: number;
        };
        AccountTaxOverrideResponseDto: {
            id: number;
            accountId: number;
            taxId: number;
            taxName: string;
            /**
             * @description The rate everyone else pays
             * @example 82500
             */
            taxRateE4: number;
            /**
             * @description rate: the account pays this tax at rateE4 instead; exempt: the account does not pay this tax
             * @enum {string}
             */
            kind: "rate" | "exempt";
            /** @description The account's own rate for kind rate. Percent × 10 000: 8.25 % is 82500, 100 % is 1000000 */
            rateE4: number | null;
        };
        CreateAccountTaxOverrideDto: {
            taxId: number;
            /**
             * @description rate: the account pays this tax at rateE4 instead; exempt: the account does not pay this tax
             * @enum {string}
             */
            kind: "rate" | "exempt";
            /** @description Required for kind rate, refused for exempt. Percent × 10 000: 8.25 % is 82500, 100 % is 1000000 */
            rateE4?: number | null;
        };
        UpdateAccountTaxOverrideDto: {
            taxId?: number;
            /**
             * @description rate: the account pays this tax at rateE4 instead; exempt: the account does not pay this tax
             * @enum {string}
             */
            kind?: "rate" | "exempt";
            /** @description Percent × 10 000: 8.25 % is 82500, 100 % is 1000000 */
            rateE4?: number | null;
        };
        ServiceFilterDto: {
            /** @enum {string} */
            kind?: "recurring" | "one_time" | "data" | "voice" | "adjustment";
            active?: boolean;
            /** @description Part of the name */
            q?: string;
            /** @description react-admin getMany */
            id?: number[];
        };
        ServiceResponseDto: {
            id: number;
            name: string;
            /** @enum {string} */
            kind: "recurring" | "one_time" | "data" | "voice" | "adjustment";
            /** @enum {string|null} */
            adjustmentSide: "debit" | "credit" | null;
            /** @description Minor units (cents) per unit */
            price: number;
            downloadKbps: number | null;
            uploadKbps: number | null;
            ledgerCode: string;
            active: boolean;
            taxIds: number[];
        };
        CreateServiceDto: {
            /** @example Fiber 100 */
            name: string;
            /**
             * @description recurring, data and voice are billed every period; one_time is charged once; adjustment moves a balance
             * @enum {string}
             */
            kind: "recurring" | "one_time" | "data" | "voice" | "adjustment";
            /**
             * @description Required for adjustment services, refused for the rest
             * @enum {string|null}
             */
            adjustmentSide?: "debit" | "credit" | null;
            /**
             * @description Minor units (cents) per unit
             * @example 4999
             */
            price: number;
            /** @description Required for data services, refused for the rest */
            downloadKbps?: number | null;
            /** @description Required for data services, refused for the rest */
            uploadKbps?: number | null;
            /**
             * @description Revenue account in the general ledger
             * @example 4000
             */
            ledgerCode: string;
            /** @default true */
            active?: boolean;
            /** @default [] */
            taxIds?: number[];
        };
        UpdateServiceDto: {
            name?: string;
            /**
             * @description recurring, data and voice are billed every period; one_time is charged once; adjustment moves a balance
             * @enum {string}
             */
            kind?: "recurring" | "one_time" | "data" | "voice" | "adjustment";
            /** @enum {string|null} */
            adjustmentSide?: "debit" | "credit" | null;
            /** @description Minor units (cents) per unit */
            price?: number;
            downloadKbps?: number | null;
            uploadKbps?: number | null;
            ledgerCode?: string;
            active?: boolean;
            /** @description Replaces the whole list */
            taxIds?: number[];
        };
        PackageFilterDto: {
            active?: boolean;
            /** @description Part of the name */
            q?: string;
            /** @description react-admin getMany */
            id?: number[];
        };
        PackageItemResponseDto: {
            serviceId: number;
            quantity: number;
            /** @description Minor units per unit inside the package */
            price: number;
            service: components["schemas"]["ServiceResponseDto"];
        };
        PackageResponseDto: {
            id: number;
            name: string;
            active: boolean;
            /** @description Price of one package per period: the sum of price × quantity, minor units */
            total: number;
            items: components["schemas"]["PackageItemResponseDto"][];
        };
        PackageItemDto: {
            /** @description A recurring, data or voice service */
            serviceId: number;
            /** @default 1 */
            quantity?: number;
            /** @description Minor units per unit inside the package; the service's own price when left out */
            price?: number;
        };
        CreatePackageDto: {
            /** @example Home bundle */
            name: string;
            /** @default true */
            active?: boolean;
            items: components["schemas"]["PackageItemDto"][];
        };
        UpdatePackageDto: {
            name?: string;
            active?: boolean;
            items?: components["schemas"]["PackageItemDto"][];
        };
        /** @enum {string} */
        BillTiming: "advance" | "arrears";
        /** @enum {string} */
        DaysCountedFrom: "bill" | "invoice";
        /** @enum {string} */
        LateFeeKind: "fixed" | "percent";
        SystemBillingSettingsDto: {
            /**
             * @description anniversary: the days follow the activation day
             * @enum {string}
             */
            billingMode: "fixed" | "anniversary";
            /** @description Day of the month invoices are produced */
            billDay: number;
            /** @description Day of the month the service period starts */
            invoiceDay: number;
            billTiming: components["schemas"]["BillTiming"];
            /** @description Days after the invoice that saved payment methods are charged */
            autopayDays: number;
            /** @description Days until an invoice is due */
            dueDays: number;
            /** @description Days after the due date before an invoice counts as overdue */
            graceDays: number;
            /** @description Days overdue before the account becomes delinquent */
            statusSwitchDays: number;
            daysCountedFrom: components["schemas"]["DaysCountedFrom"];
            /** @description A one-time or debit adjustment service; null: no late fee */
            lateFeeServiceId: number | null;
            lateFeeKind: components["schemas"]["LateFeeKind"];
            /** @description Fixed late fee, minor units */
            lateFeeAmount: number;
            /** @description Percent late fee × 10 000 (1.5 % = 15000) */
            lateFeeRateE4: number;
            /** @description Least overdue amount that draws a late fee, minor units */
            lateFeeMinimumOverdue: number;
            /** @description Account status given on delinquency; null: none */
            delinquentStatusId: number | null;
            /** @description ISO weekdays, 1 = Monday .. 7 = Sunday */
            delinquencyWeekdays: number[];
            /** @description Give back the previous status once every delinquent invoice is paid */
            restoreStatusOnPayment: boolean;
            prorateServices: boolean;
            prorateServiceQuantity: boolean;
            prorateStatusChange: boolean;
            prorateBillDayChange: boolean;
            /**
             * @description unit: whole currency units
             * @enum {string}
             */
            prorationRounding: "cent" | "unit";
            /**
             * @description statement: invoices also carry prior balances
             * @enum {string}
             */
            billMode: "invoice" | "statement";
            printedInvoice: boolean;
            /** @description Bill runs email new invoices to the contacts who receive billing mail */
            emailInvoices: boolean;
            taxExempt: boolean;
            invoiceMessage: string | null;
            /** @example USD */
            currency: string;
        };
        UpdateBillingSettingsDto: {
            /**
             * @description anniversary: the days follow the activation day
             * @enum {string|null}
             */
            billingMode?: "fixed" | "anniversary" | null;
            /** @description Day of the month invoices are produced */
            billDay?: number | null;
            /** @description Day of the month the service period starts */
            invoiceDay?: number | null;
            /** @enum {string|null} */
            billTiming?: "advance" | "arrears" | null;
            /** @description Days after the invoice that saved payment methods are charged */
            autopayDays?: number | null;
            /** @description Days until an invoice is due */
            dueDays?: number | null;
            /** @description Days after the due date before an invoice counts as overdue */
            graceDays?: number | null;
            /** @description Days overdue before the account becomes delinquent */
            statusSwitchDays?: number | null;
            /** @enum {string|null} */
            daysCountedFrom?: "bill" | "invoice" | null;
            /** @description A one-time or debit adjustment service; null: no late fee */
            lateFeeServiceId?: number | null;
            /** @enum {string|null} */
            lateFeeKind?: "fixed" | "percent" | null;
            /** @description Fixed late fee, minor units */
            lateFeeAmount?: number | null;
            /** @description Percent late fee × 10 000 (1.5 % = 15000) */
            lateFeeRateE4?: number | null;
            /** @description Least overdue amount that draws a late fee, minor units */
            lateFeeMinimumOverdue?: number | null;
            /** @description Account status given on delinquency; null: none */
            delinquentStatusId?: number | null;
            /** @description ISO weekdays, 1 = Monday .. 7 = Sunday */
            delinquencyWeekdays?: number[] | null;
            /** @description Give back the previous status once every delinquent invoice is paid */
            restoreStatusOnPayment?: boolean | null;
            prorateServices?: boolean | null;
            prorateServiceQuantity?: boolean | null;
            prorateStatusChange?: boolean | null;
            prorateBillDayChange?: boolean | null;
            /**
             * @description unit: whole currency units
             * @enum {string|null}
             */
            prorationRounding?: "cent" | "unit" | null;
            /**
             * @description statement: invoices also carry prior balances
             * @enum {string|null}
             */
            billMode?: "invoice" | "statement" | null;
            printedInvoice?: boolean | null;
            /** @description Bill runs email new invoices to the contacts who receive billing mail */
            emailInvoices?: boolean | null;
            taxExempt?: boolean | null;
            invoiceMessage?: string | null;
        };
        BillingSettingsDto: {
            /**
             * @description anniversary: the days follow the activation day
             * @enum {string}
             */
            billingMode: "fixed" | "anniversary";
            /** @description Day of the month invoices are produced */
            billDay: number;
            /** @description Day of the month the service period starts */
            invoiceDay: number;
            billTiming: components["schemas"]["BillTiming"];
            /** @description Days after the invoice that saved payment methods are charged */
            autopayDays: number;
            /** @description Days until an invoice is due */
            dueDays: number;
            /** @description Days after the due date before an invoice counts as overdue */
            graceDays: number;
            /** @description Days overdue before the account becomes delinquent */
            statusSwitchDays: number;
            daysCountedFrom: components["schemas"]["DaysCountedFrom"];
            /** @description A one-time or debit adjustment service; null: no late fee */
            lateFeeServiceId: number | null;
            lateFeeKind: components["schemas"]["LateFeeKind"];
            /** @description Fixed late fee, minor units */
            lateFeeAmount: number;
            /** @description Percent late fee × 10 000 (1.5 % = 15000) */
            lateFeeRateE4: number;
            /** @description Least overdue amount that draws a late fee, minor units */
            lateFeeMinimumOverdue: number;
            /** @description Account status given on delinquency; null: none */
            delinquentStatusId: number | null;
            /** @description ISO weekdays, 1 = Monday .. 7 = Sunday */
            delinquencyWeekdays: number[];
            /** @description Give back the previous status once every delinquent invoice is paid */
            restoreStatusOnPayment: boolean;
            prorateServices: boolean;
            prorateServiceQuantity: boolean;
            prorateStatusChange: boolean;
            prorateBillDayChange: boolean;
            /**
             * @description unit: whole currency units
             * @enum {string}
             */
            prorationRounding: "cent" | "unit";
            /**
             * @description statement: invoices also carry prior balances
             * @enum {string}
             */
            billMode: "invoice" | "statement";
            printedInvoice: boolean;
            /** @description Bill runs email new invoices to the contacts who receive billing mail */
            emailInvoices: boolean;
            taxExempt: boolean;
            invoiceMessage: string | null;
        };
        BillingOverridesDto: {
            /**
             * @description null: inherited
             * @enum {string|null}
             */
            billingMode: "fixed" | "anniversary" | null;
            /** @description null: inherited */
            billDay: number | null;
            /** @description null: inherited */
            invoiceDay: number | null;
            /**
             * @description null: inherited
             * @enum {string|null}
             */
            billTiming: "advance" | "arrears" | null;
            /** @description null: inherited */
            autopayDays: number | null;
            /** @description null: inherited */
            dueDays: number | null;
            /** @description null: inherited */
            graceDays: number | null;
            /** @description null: inherited */
            statusSwitchDays: number | null;
            /**
             * @description null: inherited
             * @enum {string|null}
             */
            daysCountedFrom: "bill" | "invoice" | null;
            /** @description null: inherited */
            lateFeeServiceId: number | null;
            /**
             * @description null: inherited
             * @enum {string|null}
             */
            lateFeeKind: "fixed" | "percent" | null;
            /** @description null: inherited */
            lateFeeAmount: number | null;
            /** @description null: inherited */
            lateFeeRateE4: number | null;
            /** @description null: inherited */
            lateFeeMinimumOverdue: number | null;
            /** @description null: inherited */
            delinquentStatusId: number | null;
            /** @description null: inherited */
            delinquencyWeekdays: number[] | null;
            /** @description null: inherited */
            restoreStatusOnPayment: boolean | null;
            /** @description null: inherited */
            prorateServices: boolean | null;
            /** @description null: inherited */
            prorateServiceQuantity: boolean | null;
            /** @description null: inherited */
            prorateStatusChange: boolean | null;
            /** @description null: inherited */
            prorateBillDayChange: boolean | null;
            /**
             * @description null: inherited
             * @enum {string|null}
             */
            prorationRounding: "cent" | "unit" | null;
            /**
             * @description null: inherited
             * @enum {string|null}
             */
            billMode: "invoice" | "statement" | null;
            /** @description null: inherited */
            printedInvoice: boolean | null;
            /** @description null: inherited */
            emailInvoices: boolean | null;
            /** @description null: inherited */
            taxExempt: boolean | null;
            /** @description null: inherited */
            invoiceMessage: string | null;
        };
        /** @enum {string} */
        SettingSource: "system" | "account_type" | "account";
        BillingSettingSourcesDto: {
            billingMode: components["schemas"]["SettingSource"];
            billDay: components["schemas"]["SettingSource"];
            invoiceDay: components["schemas"]["SettingSource"];
            billTiming: components["schemas"]["SettingSource"];
            autopayDays: components["schemas"]["SettingSource"];
            dueDays: components["schemas"]["SettingSource"];
            graceDays: components["schemas"]["SettingSource"];
            statusSwitchDays: components["schemas"]["SettingSource"];
            daysCountedFrom: components["schemas"]["SettingSource"];
            lateFeeServiceId: components["schemas"]["SettingSource"];
            lateFeeKind: components["schemas"]["SettingSource"];
            lateFeeAmount: components["schemas"]["SettingSource"];
            lateFeeRateE4: components["schemas"]["SettingSource"];
            lateFeeMinimumOverdue: components["schemas"]["SettingSource"];
            delinquentStatusId: components["schemas"]["SettingSource"];
            delinquencyWeekdays: components["schemas"]["SettingSource"];
            restoreStatusOnPayment: components["schemas"]["SettingSource"];
            prorateServices: components["schemas"]["SettingSource"];
            prorateServiceQuantity: components["schemas"]["SettingSource"];
            prorateStatusChange: components["schemas"]["SettingSource"];
            prorateBillDayChange: components["schemas"]["SettingSource"];
            prorationRounding: components["schemas"]["SettingSource"];
            billMode: components["schemas"]["SettingSource"];
            printedInvoice: components["schemas"]["SettingSource"];
            emailInvoices: components["schemas"]["SettingSource"];
            taxExempt: components["schemas"]["SettingSource"];
            invoiceMessage: components["schemas"]["SettingSource"];
        };
        AccountTypeBillingDefaultsDto: {
            accountTypeId: number;
            /** @description What accounts of the type get unless they set their own */
            effective: components["schemas"]["BillingSettingsDto"];
            /** @description The type's own defaults; null where it inherits the system value */
            overrides: components["schemas"]["BillingOverridesDto"];
            /** @description system or account_type for each setting */
            sources: components["schemas"]["BillingSettingSourcesDto"];
        };
        AccountBillingConfigDto: {
            /** @description The settings in force for the account */
            effective: components["schemas"]["BillingSettingsDto"];
            /** @description The account's own values; null where it inherits */
            overrides: components["schemas"]["BillingOverridesDto"];
            sources: components["schemas"]["BillingSettingSourcesDto"];
        };
        AccountingPeriodDto: {
            /**
             * @description Everything dated on or before it is closed; null: never closed
             * @example 2026-10-31
             */
            closeDate: string | null;
            autoClose: boolean;
            autoCloseAfterDays: number;
        };
        UpdateAccountingPeriodDto: {
            /**
             * Format: date
             * @description Close the books up to and including this day; it only moves forward and never past today. Sending the current value changes nothing.
             * @example 2026-10-31
             */
            closeDate?: string | null;
            /** @description Close each month by itself once autoCloseAfterDays have passed since it ended */
            autoClose?: boolean;
            autoCloseAfterDays?: number;
        };
        DelinquencyExclusionDateFilterDto: {
            /** @description react-admin getMany */
            id?: number[];
            /**
             * Format: date
             * @description On or after this day
             * @example 2026-01-01
             */
            from?: string;
            /**
             * Format: date
             * @description On or before this day
             * @example 2026-12-31
             */
            to?: string;
        };
        DelinquencyExclusionDateDto: {
            id: number;
            /** @example 2026-12-25 */
            date: string;
            reason: string | null;
            /** @description The same month and day every year */
            repeatsYearly: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateDelinquencyExclusionDateDto: {
            /**
             * Format: date
             * @example 2026-12-25
             */
            date: string;
            /** @example Christmas Day */
            reason?: string | null;
            /**
             * @description The same month and day every year
             * @default false
             */
            repeatsYearly?: boolean;
        };
        UpdateDelinquencyExclusionDateDto: {
            /**
             * Format: date
             * @example 2026-12-26
             */
            date?: string;
            reason?: string | null;
            /** @description The same month and day every year */
            repeatsYearly?: boolean;
        };
        InvoiceFilterDto: {
            accountId?: number;
            id?: number[];
            /** @description Only invoices with money still owed (true) or settled and void ones (false) */
            open?: boolean;
            /** @description Child invoices linked to this invoice */
            parentInvoiceId?: number;
            /** @description Children's invoices linked to this account's invoices */
            childrenOfAccountId?: number;
            /**
             * @description Open invoices this many days past their due date today (current: not yet past it)
             * @enum {string}
             */
            agingBucket?: "current" | "1-30" | "31-60" | "61-90" | "90+";
            /**
             * @description Invoices dated in this month (YYYY-MM), void ones left out: the month's invoiced figure on the dashboard
             * @example 2026-11
             */
            invoicedIn?: string;
        };
        InvoiceResponseDto: {
            id: number;
            accountId: number;
            accountName: string;
            /** @example INV-0000042 */
            number: string;
            /** @example 2026-12-01 */
            invoiceDate: string;
            /** @example 2026-12-15 */
            dueDate: string;
            periodStart: string | null;
            /** @description Last day covered, inclusive */
            periodEnd: string | null;
            months: number;
            /** @description Charges with their taxes, minor units */
            total: number;
            taxTotal: number;
            paid: number;
            remaining: number;
            /** @description Still owed on child invoices linked to this one */
            childRemaining: number;
            frozen: boolean;
            delinquent: boolean;
            void: boolean;
            manual: boolean;
            message: string | null;
            parentInvoiceId: number | null;
            parentInvoiceNumber: string | null;
            parentAccountId: number | null;
            /** Format: date-time */
            createdAt: string;
        };
        TransactionTaxDto: {
            taxId: number;
            taxName: string;
            /** @description Percent × 10 000 */
            rateE4: number;
            amount: number;
        };
        TransactionResponseDto: {
            id: number;
            accountId: number;
            /** @enum {string} */
            kind: "debit" | "discount" | "payment" | "adjustment" | "void";
            /**
             * @description debit raises what the account owes, credit lowers it
             * @enum {string}
             */
            side: "debit" | "credit";
            /** @description Before taxes, minor units */
            amount: number;
            taxAmount: number;
            /** @description amount + taxAmount */
            total: number;
            date: string;
            description: string;
            serviceId: number | null;
            quantity: number | null;
            paymentMethod: string | null;
            reference: string | null;
            invoiceId: number | null;
            /** @example INV-0000006 */
            invoiceNumber: string | null;
            correctsTransactionId: number | null;
            correctedByTransactionId: number | null;
            /** @description First day a service charge covers */
            periodStart: string | null;
            /** @description Last day a service charge covers */
            periodEnd: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The staff user who posted it; null when the system did */
            createdByName: string | null;
            /** @description Credit still free to pay invoices (credits only) */
            unapplied: number;
            /** @description Running balance after this transaction */
            balance: number;
            taxes: components["schemas"]["TransactionTaxDto"][];
        };
        AppliedCreditDto: {
            id: number;
            accountId: number;
            /** @enum {string} */
            kind: "debit" | "discount" | "payment" | "adjustment" | "void";
            /**
             * @description debit raises what the account owes, credit lowers it
             * @enum {string}
             */
            side: "debit" | "credit";
            /** @description Before taxes, minor units */
            amount: number;
            taxAmount: number;
            /** @description amount + taxAmount */
            total: number;
            date: string;
            description: string;
            serviceId: number | null;
            quantity: number | null;
            paymentMethod: string | null;
            reference: string | null;
            invoiceId: number | null;
            /** @example INV-0000006 */
            invoiceNumber: string | null;
            correctsTransactionId: number | null;
            correctedByTransactionId: number | null;
            /** @description First day a service charge covers */
            periodStart: string | null;
            /** @description Last day a service charge covers */
            periodEnd: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The staff user who posted it; null when the system did */
            createdByName: string | null;
            /** @description Credit still free to pay invoices (credits only) */
            unapplied: number;
            /** @description Running balance after this transaction */
            balance: number;
            taxes: components["schemas"]["TransactionTaxDto"][];
            /** @description How much of this credit pays the invoice, minor units */
            appliedAmount: number;
        };
        InvoiceTransactionsDto: {
            /** @description Charges on the invoice, oldest first */
            charges: components["schemas"]["TransactionResponseDto"][];
            /** @description Credits applied to the invoice */
            credits: components["schemas"]["AppliedCreditDto"][];
        };
        InvoiceLineDto: {
            serviceId: number;
            /** @default 1 */
            quantity?: number;
            /** @description Unit price in minor units; the service's price when left out */
            price?: number;
            description?: string;
        };
        CreateInvoiceDto: {
            accountId: number;
            /**
             * Format: date
             * @description Today when left out
             * @example 2026-12-01
             */
            invoiceDate?: string;
            /** Format: date */
            dueDate?: string;
            /** Format: date */
            periodStart?: string;
            /** Format: date */
            periodEnd?: string;
            /** @default 1 */
            months?: number;
            lines?: components["schemas"]["InvoiceLineDto"][];
            /** @description Also put every charge still waiting for an invoice on this one */
            includeUninvoiced?: boolean;
            message?: string | null;
        };
        GenerateInvoiceDto: {
            /**
             * Format: date
             * @description The billing date: the first day of the period in advance, the day after it in arrears
             * @example 2026-12-01
             */
            billingDate: string;
        };
        GeneratedInvoiceDto: {
            /** @description false when the invoice already existed from an earlier call */
            created: boolean;
            /** @description null when nothing was waiting to be invoiced */
            invoice: components["schemas"]["InvoiceResponseDto"] | null;
        };
        UpdateInvoiceDto: {
            frozen?: boolean;
            message?: string | null;
        };
        VoidDto: {
            /** @description Why, for the record */
            reason?: string;
            /**
             * Format: date
             * @description The day the correction is dated: today when left out; never inside a closed accounting period
             * @example 2026-12-01
             */
            effectiveDate?: string;
        };
        ApplyCreditsDto: {
            /** @description Minor units of available credit to put on this invoice */
            amount: number;
        };
        AppliedCreditsDto: {
            invoiceId: number;
            /** @description How much credit was applied, minor units */
            applied: number;
        };
        LinkInvoiceDto: {
            /** @description The child account's invoice to put under this one */
            childInvoiceId: number;
        };
        TransactionFilterDto: {
            accountId?: number;
            /** @enum {string} */
            kind?: "debit" | "discount" | "payment" | "adjustment" | "void";
            invoiceId?: number;
            id?: number[];
        };
        CreditApplicationDto: {
            id: number;
            invoiceId: number;
            invoiceNumber: string;
            /** @description Minor units */
            amount: number;
            /** Format: date-time */
            appliedAt: string;
            /** Format: date-time */
            removedAt: string | null;
            removedReason: string | null;
        };
        ReceivedPaymentFilterDto: {
            /**
             * @description Payments dated in this month (YYYY-MM), reversed ones included: the month's paid figure on the dashboard
             * @example 2026-11
             */
            receivedIn?: string;
            accountId?: number;
            /** @enum {string} */
            method?: "cash" | "check" | "wire" | "card" | "bank";
        };
        ReceivedPaymentDto: {
            /** @description The payment's transaction */
            id: number;
            accountId: number;
            accountName: string;
            /**
             * @description The day the payment is dated, the day it counts in
             * @example 2026-11-05
             */
            date: string;
            /** @description What it brought in, tax included, in minor units */
            amount: number;
            /** @enum {string|null} */
            method: "cash" | "check" | "wire" | "card" | "bank" | null;
            /** @description Check number or wire reference */
            reference: string | null;
            description: string;
            /** @description Voided or reversed later; it still counts on the day it was received */
            reversed: boolean;
            /** @description The void row that undid it */
            reversedByTransactionId: number | null;
            /**
             * @description The day the void row is dated
             * @example 2026-11-20
             */
            reversedOn: string | null;
        };
        PaymentDto: {
            accountId: number;
            /** @enum {string} */
            method: "cash" | "check" | "wire";
            /** @description Minor units */
            amount: number;
            /** @description Check number or wire reference; required for those */
            reference?: string;
            /**
             * Format: date
             * @description Today when left out
             */
            date?: string;
        };
        PostedTransactionDto: {
            transaction: components["schemas"]["TransactionResponseDto"];
            /** @description Where the credit went: [{creditId, invoiceId, amount}] */
            applied: string[];
        };
        OneTimeTransactionDto: {
            accountId: number;
            serviceId: number;
            /** @default 1 */
            quantity?: number;
            /** @description Unit price, minor units; the service's price when left out */
            price?: number;
            /** Format: date */
            date?: string;
            description?: string;
        };
        AdjustmentDto: {
            accountId: number;
            /** @description An adjustment service; it says whether this is a debit or a credit */
            serviceId: number;
            /** @description Minor units; the service's price when left out */
            amount?: number;
            /** Format: date */
            date?: string;
            description?: string;
        };
        DescribeDebitDto: {
            description: string;
        };
        AccountServiceFilterDto: {
            accountId?: number;
            /** @description Include removed services */
            includeRemoved?: boolean;
            id?: number[];
        };
        AccountServiceResponseDto: {
            id: number;
            accountId: number;
            serviceId: number | null;
            packageId: number | null;
            name: string;
            /** @enum {string} */
            kind: "recurring" | "data" | "voice" | "package";
            downloadKbps: number | null;
            uploadKbps: number | null;
            quantity: number;
            /** @description Catalogue unit price, minor units */
            unitPrice: number;
            priceOverride: number | null;
            /** @description One period for the whole quantity, before taxes */
            periodAmount: number;
            prorateOnAdd: boolean;
            /** @description The day proration of the first period started from */
            additionProrateDate: string | null;
            addedOn: string;
            removedOn: string | null;
            /** @description Charged up to (not including) this day */
            chargedThrough: string | null;
        };
        AddAccountServiceDto: {
            accountId: number;
            /** @description A recurring, data or voice service; give this or packageId */
            serviceId?: number;
            packageId?: number;
            /** @default 1 */
            quantity?: number;
            /** @description Unit price in minor units instead of the catalogue price (services only) */
            priceOverride?: number;
            /** @description Prorate the first period; needs billing.proration_override, otherwise the billing configuration decides */
            prorate?: boolean;
            /**
             * Format: date
             * @description Today when left out
             */
            date?: string;
        };
        ChangeQuantityDto: {
            quantity: number;
            /**
             * Format: date
             * @description Today when left out
             */
            date?: string;
            /** @description Prorate the change; needs billing.proration_override */
            prorate?: boolean;
        };
        EditAccountServiceDto: {
            quantity?: number;
            /** @description Unit price in minor units; null goes back to the catalogue price */
            priceOverride?: number | null;
            /**
             * Format: date
             * @description The day proration of the first period started from
             * @example 2026-07-15
             */
            prorationDate?: string | null;
        };
        RemoveAccountServiceDto: {
            /**
             * Format: date
             * @description Today when left out
             */
            date?: string;
            /** @description Credit the unused days; needs billing.proration_override */
            prorate?: boolean;
        };
        BillingFiguresDto: {
            /** @description Owed on open invoices whose due date has come, in minor units */
            dueNow: number;
            /** @description Owed on all open invoices, in minor units */
            balanceDue: number;
            /** @description The part of balanceDue owed on child accounts' invoices linked to this account's, in minor units */
            balanceDueOnChildInvoices: number;
            /** @description Credit not yet applied to an invoice, in minor units */
            availableCredits: number;
            /** @description Owed on all open invoices plus charges not yet invoiced, in minor units */
            totalBalance: number;
            /** @description Recurring services and packages for one period with their taxes, in minor units */
            nextRecurringCharge: number;
            /** @description Charges (with tax) not yet on an invoice, in minor units */
            uninvoiced: number;
            /**
             * Format: date
             * @description The next date a bill run invoices the account: its next anchor day after what it was already billed for
             * @example 2026-12-01
             */
            nextBillingDate: string | null;
            /** @example USD */
            currency: string;
        };
        BooksMismatchDto: {
            /** @example invoice.paid */
            check: string;
            /** @example invoice 12 */
            entity: string;
            accountId: number | null;
            expected: string;
            actual: string;
        };
        BooksReportDto: {
            /** @description Accounts whose books were checked: those asked for with their families, or every account with money */
            accounts: number;
            invoices: number;
            transactions: number;
            mismatches: components["schemas"]["BooksMismatchDto"][];
        };
        ChildAccountDto: {
            id: number;
            name: string;
            /** @description The child's account status */
            status: string;
            /** @description Owed on the child's invoices linked to the parent's, minor units */
            linkedRemaining: number;
        };
        LinkChildAccountDto: {
            childAccountId: number;
        };
        LateFeeFilterDto: {
            /**
             * Format: date
             * @description Charged on or after this day
             * @example 2026-11-01
             */
            chargedFrom?: string;
            /**
             * Format: date
             * @description Charged on or before this day
             * @example 2026-11-30
             */
            chargedTo?: string;
            accountId?: number;
        };
        LateFeeDto: {
            /** @description The late fee's charge on the ledger */
            id: number;
            accountId: number;
            accountName: string;
            /**
             * @description The day the fee was charged
             * @example 2026-11-17
             */
            date: string;
            /** @description The fee with its tax, in minor units */
            amount: number;
            /** @description The overdue invoice the fee was charged for */
            invoiceId: number;
            /** @example INV-0000042 */
            invoiceNumber: string;
            /** @description Reversed later (by hand, or with its invoice voided); it still counts on the day it was charged */
            reversed: boolean;
            /** @description The discount that reversed it */
            reversedByTransactionId: number | null;
            /**
             * @description The day the reversal is dated
             * @example 2026-11-20
             */
            reversedOn: string | null;
        };
        DisconnectAccountDto: {
            /**
             * @description A status that does not count as active; the default disconnect status when left out
             * @example 7
             */
            statusId?: number;
            /** @example Moved out of the service area */
            reason?: string;
        };
        DisconnectionStaffDto: {
            id: number;
            name: string;
        };
        DisconnectedAddressDto: {
            line1: string;
            line2: string | null;
            city: string;
            region: string;
            postcode: string;
            /** @example US */
            country: string;
            /** @example 39.781721 */
            latitude: string | null;
            /** @example -89.650148 */
            longitude: string | null;
            /** @example 12 Oak St, Springfield, IL 62701, US */
            formatted: string;
        };
        DisconnectionStatusDto: {
            /** @description Null once the status has been deleted */
            id: number | null;
            /** @description The name it had at the time */
            name: string;
            /** @example #607d8b */
            color: string | null;
        };
        FinalInvoiceSummaryDto: {
            id: number;
            /** @example INV-0000042 */
            number: string;
            /** @description Charges with their taxes, minor units */
            total: number;
            /** @description Still owed on it now, minor units */
            remaining: number;
        };
        DisconnectionResponseDto: {
            id: number;
            accountId: number;
            /** Format: date-time */
            disconnectedAt: string;
            /**
             * @description The billing date services ended and the final invoice is dated
             * @example 2026-04-11
             */
            disconnectedOn: string;
            /** @description Null when done by the system */
            disconnectedBy: components["schemas"]["DisconnectionStaffDto"] | null;
            address: components["schemas"]["DisconnectedAddressDto"];
            previousStatus: components["schemas"]["DisconnectionStatusDto"];
            status: components["schemas"]["DisconnectionStatusDto"];
            /** @description Null when nothing was left to invoice */
            finalInvoice: components["schemas"]["FinalInvoiceSummaryDto"] | null;
            reason: string | null;
            /** @example USD */
            currency: string;
        };
        DisconnectStatusOptionDto: {
            id: number;
            name: string;
            /** @example #607d8b */
            color: string;
            /** @description Used when a disconnection names no status */
            isDefault: boolean;
        };
        DisconnectionSettingsDto: {
            /** @description The status a disconnection uses when it names none */
            defaultStatusId: number | null;
            /** @description Statuses a disconnection may use: those that do not count as active */
            statuses: components["schemas"]["DisconnectStatusOptionDto"][];
        };
        UpdateDisconnectionSettingsDto: {
            /** @description A status that does not count as active, or null for none */
            defaultStatusId: number | null;
        };
        StartBillRunWithBoundsDto: {
            /**
             * Format: date
             * @description The billing date: accounts whose service period starts that day are invoiced
             * @example 2026-12-01
             */
            date: string;
            /**
             * @description Park an account whose invoice exceeds this percentage of its usual one; the instance's setting when left out
             * @example 500
             */
            spikePercent?: number;
        };
        RunStartedDto: {
            /** @example bill-run/2026-12-01 */
            workflowId: string;
            /** @description false when the run of that date was already started or done; nothing new was started */
            started: boolean;
        };
        PreviewBillRunDto: {
            /**
             * Format: date
             * @description The billing date: accounts whose service period starts that day are invoiced
             * @example 2026-12-01
             */
            date: string;
            /** @description The accounts to preview; the first 200 due accounts when left out */
            accountIds?: number[];
        };
        InvoicePreviewParkingDto: {
            /** @enum {string} */
            rule: "unexplained_charges" | "negative_total" | "spike";
            /** @description Why the run would park the account, in a sentence */
            reason: string;
            /** @description The account's usual invoice total, minor units */
            usualTotal: number | null;
        };
        InvoicePreviewLineDto: {
            description: string;
            /** @description Before taxes, minor units */
            amount: number;
            /** @description Minor units */
            taxAmount: number;
        };
        InvoicePreviewDto: {
            accountId: number;
            /** @example Jane Smith */
            accountName: string;
            /** @description The invoice for this date exists already; the lines shown are the ones it has */
            alreadyInvoiced: boolean;
            /** @description A bill run would park this account rather than invoice it, and why */
            parked: components["schemas"]["InvoicePreviewParkingDto"] | null;
            /** @description Minor units */
            total: number;
            /** @description Minor units */
            taxTotal: number;
            lines: components["schemas"]["InvoicePreviewLineDto"][];
        };
        BillRunSummaryDto: {
            id: number;
            /** @example 2026-12-01 */
            runDate: string;
            /** @example bill-run/2026-12-01 */
            workflowId: string;
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            accounts: number;
            invoices: number;
            /** @description Minor units */
            invoicedTotal: number;
            failures: number;
            /** @description Accounts not invoiced because their invoice broke a safety bound */
            parked: number;
            /** @description Accounts due when the run planned its batches; null until it has */
            plannedAccounts: number | null;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
        };
        BillRunProgressDto: {
            /** @example 2026-12-01 */
            date: string;
            batches: number;
            accounts: number;
            invoices: number;
            /** @description Minor units */
            invoicedTotal: number;
            failures: number;
            /** @description Absent in runs from before parking */
            parked?: number;
            plannedAccounts?: number;
            /** @description Batches kept in flight now */
            lanes?: number;
            done: boolean;
        };
        BillRunFailureDto: {
            accountId: number;
            reason: string;
        };
        ParkedAccountDto: {
            id: number;
            billRunId: number;
            /** @example 2026-12-01 */
            runDate: string;
            accountId: number;
            accountName: string;
            /** @enum {string} */
            rule: "unexplained_charges" | "negative_total" | "spike";
            reason: string;
            /** @description What the invoice would have totalled, minor units */
            total: number;
            /** @description The account's usual invoice total, minor units */
            usualTotal: number | null;
            /** @enum {string} */
            status: "parked" | "released" | "dismissed";
            /** @description The invoice made when released */
            invoiceId: number | null;
            resolvedBy: number | null;
            /** Format: date-time */
            resolvedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        BillRunWorkerShareDto: {
            /** @description null for batches from before workers were recorded */
            worker: string | null;
            batches: number;
            accounts: number;
        };
        BillRunDetailDto: {
            id: number;
            /** @example 2026-12-01 */
            runDate: string;
            /** @example bill-run/2026-12-01 */
            workflowId: string;
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            accounts: number;
            invoices: number;
            /** @description Minor units */
            invoicedTotal: number;
            failures: number;
            /** @description Accounts not invoiced because their invoice broke a safety bound */
            parked: number;
            /** @description Accounts due when the run planned its batches; null until it has */
            plannedAccounts: number | null;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description The workflow's progress while it runs */
            progress: components["schemas"]["BillRunProgressDto"] | null;
            failureList: components["schemas"]["BillRunFailureDto"][];
            parkedList: components["schemas"]["ParkedAccountDto"][];
            workers: components["schemas"]["BillRunWorkerShareDto"][];
        };
        ScheduledEventFilterDto: {
            /** @enum {string} */
            state?: "scheduled" | "done" | "cancelled" | "failed";
        };
        ScheduledEventResponseDto: {
            id: number;
            accountId: number;
            /** @enum {string} */
            kind: "add_service" | "remove_service" | "add_package" | "remove_package" | "change_status" | "set_price_override" | "clear_price_override";
            /** @description What it does, in words */
            summary: string;
            /** Format: date-time */
            runAt: string;
            /** @enum {string} */
            state: "scheduled" | "done" | "cancelled" | "failed";
            failureReason: string | null;
            serviceId: number | null;
            packageId: number | null;
            accountServiceId: number | null;
            quantity: number | null;
            /** @description Minor units */
            priceOverride: number | null;
            accountStatusId: number | null;
            /** @description null: the billing configuration decides */
            prorate: boolean | null;
            /** @description Goes up by one with every edit */
            revision: number;
            /** @description The Temporal workflow carrying it out */
            workflowId: string | null;
            createdBy: number | null;
            createdByEmail: string | null;
            /** Format: date-time */
            actedAt: string | null;
            /** Format: date-time */
            cancelledAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateScheduledEventDto: {
            /** @description add_service: the catalogue service */
            serviceId?: number | null;
            /** @description add_package: the catalogue package */
            packageId?: number | null;
            /** @description remove_*, set_price_override, clear_price_override: the service line on the account */
            accountServiceId?: number | null;
            /** @description add_*: how many; 1 when left out */
            quantity?: number | null;
            /** @description add_service (optional) and set_price_override: unit price in minor units */
            priceOverride?: number | null;
            /** @description change_status: the new status */
            accountStatusId?: number | null;
            /** @description Prorate the change; needs billing.proration_override. Left out or null: the billing configuration decides when it runs */
            prorate?: boolean | null;
            /** @enum {string} */
            kind: "add_service" | "remove_service" | "add_package" | "remove_package" | "change_status" | "set_price_override" | "clear_price_override";
            /**
             * Format: date-time
             * @description When to carry it out; in the future
             * @example 2026-12-01T08:00:00Z
             */
            runAt: string;
        };
        UpdateScheduledEventDto: {
            /** @description add_service: the catalogue service */
            serviceId?: number | null;
            /** @description add_package: the catalogue package */
            packageId?: number | null;
            /** @description remove_*, set_price_override, clear_price_override: the service line on the account */
            accountServiceId?: number | null;
            /** @description add_*: how many; 1 when left out */
            quantity?: number | null;
            /** @description add_service (optional) and set_price_override: unit price in minor units */
            priceOverride?: number | null;
            /** @description change_status: the new status */
            accountStatusId?: number | null;
            /** @description Prorate the change; needs billing.proration_override. Left out or null: the billing configuration decides when it runs */
            prorate?: boolean | null;
            /**
             * Format: date-time
             * @example 2026-12-01T08:00:00Z
             */
            runAt?: string;
        };
        PaymentMethodDto: {
            id: number;
            accountId: number;
            /** @enum {string} */
            type: "card" | "bank";
            /** @description Card brand (visa, mastercard…) or the name of the bank */
            brand: string | null;
            /** @example 4242 */
            last4: string;
            /** @description Cards only */
            expMonth: number | null;
            /** @description Cards only */
            expYear: number | null;
            holderName: string | null;
            /**
             * @description Bank accounts only
             * @enum {string|null}
             */
            accountType: "checking" | "savings" | null;
            /** @description Charged by autopay; at most one method per account */
            autopay: boolean;
            /** @description Stripe's id of the method; the card or account number itself is never stored */
            stripePaymentMethodId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: date-time
             * @description When it was deleted (detached at Stripe)
             */
            detachedAt: string | null;
        };
        SetupIntentRequestDto: {
            /**
             * @default card
             * @enum {string}
             */
            type?: "card" | "bank";
        };
        SetupIntentDto: {
            setupIntentId: string;
            /** @description For Stripe's elements in the browser only; never store or log it */
            clientSecret: string;
            /** @enum {string} */
            type: "card" | "bank";
        };
        AddPaymentMethodDto: {
            /**
             * @description A Stripe PaymentMethod id, from the elements or a test token
             * @example pm_card_visa
             */
            paymentMethodId: string;
            /** @default false */
            autopay?: boolean;
            holderName?: string;
        };
        UpdatePaymentMethodDto: {
            /** @description Blank or null clears it */
            holderName?: string | null;
            /** @description Cards only */
            expMonth?: number;
            /** @description Cards only */
            expYear?: number;
            /**
             * @description Bank accounts only
             * @enum {string}
             */
            accountType?: "checking" | "savings";
            autopay?: boolean;
        };
        TestPaymentMethodDto: {
            /**
             * @description Stripe's test token; saving it makes a real test-mode method
             * @example pm_card_visa
             */
            token: string;
            /** @enum {string} */
            type: "card" | "bank";
            /**
             * @description What Stripe does when it is charged
             * @example Visa, succeeds
             */
            label: string;
            /** @example 4242 */
            last4: string;
        };
        PaymentsConfigDto: {
            /** @description Stripe's publishable key; null when Stripe's elements are not set up */
            stripePublishableKey: string | null;
            /** @description Stripe's test cards and bank accounts, offered when there is no publishable key and the secret key is a test key */
            testPaymentMethods: components["schemas"]["TestPaymentMethodDto"][];
        };
        ProcessorPaymentRequestDto: {
            accountId: number;
            /** @description A saved payment method of the account (its id in our list, not the Stripe id) */
            paymentMethodId: number;
            /** @description Minor units */
            amount: number;
            /**
             * Format: date
             * @description The ledger date of the payment; today when left out
             */
            date?: string;
        };
        ProcessorPaymentMethodSummaryDto: {
            id: number;
            /** @enum {string} */
            type: "card" | "bank";
            brand: string | null;
            last4: string;
        };
        ProcessorPaymentDto: {
            id: number;
            accountId: number;
            /** @enum {string} */
            method: "card" | "bank";
            /** @description Minor units */
            amount: number;
            /** @example USD */
            currency: string;
            /** @example 2026-12-01 */
            date: string;
            /**
             * @description pending until the processor confirms it (bank payments settle days later), then succeeded or failed
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed" | "refunded" | "reversed";
            /** @description The processor's reason when it failed */
            failureReason: string | null;
            stripePaymentIntentId: string | null;
            /** @description The ledger payment, once recorded */
            transactionId: number | null;
            /** @description The receipt PDF, once recorded */
            receiptUrl: string | null;
            paymentMethod: components["schemas"]["ProcessorPaymentMethodSummaryDto"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ReversePaymentDto: {
            /** @description Also refund the amount through the processor */
            refund: boolean;
            reason?: string;
            /**
             * Format: date
             * @description The day the reversal is dated on the ledger: today when left out; never inside a closed accounting period
             * @example 2026-12-01
             */
            effectiveDate?: string;
        };
        ProcessorRefundResponseDto: {
            id: number;
            paymentId: number;
            accountId: number;
            /** @description Minor units */
            amount: number;
            /** @enum {string} */
            status: "requested" | "pending" | "succeeded" | "failed" | "canceled";
            stripeRefundId: string | null;
            /** @description The processor's reason when it failed */
            failureReason: string | null;
            reason: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        PaymentReversalResponseDto: {
            paymentId: number;
            /** @description The void row on the ledger that undoes the payment's credit */
            reversalTransactionId: number;
            /** @description null when no refund was asked for */
            refund: components["schemas"]["ProcessorRefundResponseDto"] | null;
        };
        PaymentDisputeResponseDto: {
            id: number;
            stripeDisputeId: string;
            /** @description Minor units */
            amount: number;
            /** @description The bank's reason, as the processor reports it */
            reason: string;
            /** @description The dispute's state at the processor */
            status: string;
            /** @description The dispute took the payment off the ledger; false when its period was closed (see note) */
            paymentReversed: boolean;
            note: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PaymentHistoryResponseDto: {
            transactionId: number;
            /** @description The card or bank payment behind the ledger row; null for cash, check and wire */
            processorPayment: components["schemas"]["ProcessorPaymentDto"] | null;
            /** @description Ledger rows that undo the payment (a void), oldest first */
            reversals: components["schemas"]["TransactionResponseDto"][];
            refunds: components["schemas"]["ProcessorRefundResponseDto"][];
            disputes: components["schemas"]["PaymentDisputeResponseDto"][];
        };
        WebhookEventFilterDto: {
            /** @enum {string} */
            status?: "received" | "processed" | "ignored" | "failed";
            /** @example payment_intent.succeeded */
            type?: string;
            /** @example pi_3QxYz */
            objectId?: string;
            /** @example stripe-events/evt_1QxYz */
            batchId?: string;
            /** @example 42 */
            accountId?: number;
        };
        WebhookEventDto: {
            /** @example evt_1QxYz */
            id: string;
            /** @example payment_intent.succeeded */
            type: string;
            /** @description The id of the processor object the event is about */
            objectId: string | null;
            receivedAt: string;
            /** @description How many times the processor delivered it */
            deliveries: number;
            /** @description When it was last handed to processing; null while it waits in the inbox */
            dispatchedAt: string | null;
            /** @description How many times it was handed to processing */
            dispatches: number;
            /**
             * @description The workflow id of the batch that processes it: the run to look for in the Temporal UI
             * @example stripe-events/evt_1QxYz
             */
            batchId: string | null;
            /** @description How many times its handler ran: 1 once processed, more when a try failed */
            attempts: number;
            /** @description The account whose payment (refund, dispute, card) it was about, once processed */
            accountId: number | null;
            /**
             * @description received: waiting or being processed; ignored: a type Backhaul does not act on
             * @enum {string}
             */
            status: "received" | "processed" | "ignored" | "failed";
            /** @description What processing did, in a word or two */
            outcome: string | null;
            processedAt: string | null;
            /** @description Why the last try failed; processing tries again */
            lastError: string | null;
        };
        WebhookInboxFiguresDto: {
            /** @description Events stored and not yet processed */
            pending: number;
            /** @description Of those, events not yet handed to processing */
            undispatched: number;
            /** @description Age in seconds of the oldest pending event; 0 when none waits */
            oldestPendingSeconds: number;
        };
        StartAutopayRunDto: {
            /**
             * Format: date
             * @description The autopay date: accounts with an invoice due for autopay by then are charged
             * @example 2026-12-07
             */
            date: string;
        };
        AutopayRunSummaryDto: {
            id: number;
            /** @example 2026-12-01 */
            runDate: string;
            /** @example autopay-run/2026-12-01 */
            workflowId: string;
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            attempts: number;
            succeeded: number;
            processing: number;
            failed: number;
            /** @description Minor units charged (succeeded) or submitted (processing bank debits) */
            chargedTotal: number;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
        };
        AutopayAttemptDto: {
            id: number;
            accountId: number;
            /** @example 2026-12-01 */
            date: string;
            /** @description Minor units */
            amount: number;
            attempt: number;
            /** @enum {string} */
            status: "charging" | "succeeded" | "processing" | "failed";
            reason: string | null;
            processorPaymentId: number | null;
        };
        AutopayRunDetailDto: {
            id: number;
            /** @example 2026-12-01 */
            runDate: string;
            /** @example autopay-run/2026-12-01 */
            workflowId: string;
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            attempts: number;
            succeeded: number;
            processing: number;
            failed: number;
            /** @description Minor units charged (succeeded) or submitted (processing bank debits) */
            chargedTotal: number;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            attemptList: components["schemas"]["AutopayAttemptDto"][];
        };
        EmailFilterDto: {
            /** @enum {string} */
            status?: "queued" | "sent" | "rejected" | "invalid";
            /** @description react-admin getMany */
            id?: number[];
        };
        EmailRelatedDto: {
            /** @example invoice */
            type: string;
            id: number;
        };
        EmailAttachmentDto: {
            id: number;
            /** @example invoice-INV-1042.pdf */
            filename: string;
            /** @enum {string} */
            kind: "invoice_pdf" | "statement_pdf" | "receipt_pdf";
            /** @description The invoice (invoice and statement PDFs) or transaction (receipt PDF) it is rendered from */
            sourceId: number;
        };
        EmailResponseDto: {
            id: number;
            accountId: number | null;
            contactId: number | null;
            to: string;
            subject: string;
            /** @enum {string} */
            status: "queued" | "sent" | "rejected" | "invalid";
            /** @description The relay's refusal, or why the email was given up */
            rejectReason: string | null;
            /** @description Tries that reached the relay or failed to */
            attempts: number;
            /** @description Why the latest try failed */
            lastError: string | null;
            /** Format: date-time */
            sentAt: string | null;
            /** Format: date-time */
            createdAt: string;
            categoryId: number | null;
            categoryName: string | null;
            templateKey: string | null;
            related: components["schemas"]["EmailRelatedDto"] | null;
            attachments: components["schemas"]["EmailAttachmentDto"][];
        };
        ComposeEmailDto: {
            /** @description A contact of the account; the email goes to the contact's address. Send this or to, not both */
            contactId?: number;
            /** @description One address. Send this or contactId, not both */
            to?: string;
            /** @example Your service visit on Tuesday */
            subject: string;
            /**
             * @example Hello,
             *
             *     our technician will arrive between 9 and 11.
             */
            text: string;
        };
        EmailDetailDto: {
            id: number;
            accountId: number | null;
            contactId: number | null;
            to: string;
            subject: string;
            /** @enum {string} */
            status: "queued" | "sent" | "rejected" | "invalid";
            /** @description The relay's refusal, or why the email was given up */
            rejectReason: string | null;
            /** @description Tries that reached the relay or failed to */
            attempts: number;
            /** @description Why the latest try failed */
            lastError: string | null;
            /** Format: date-time */
            sentAt: string | null;
            /** Format: date-time */
            createdAt: string;
            categoryId: number | null;
            categoryName: string | null;
            templateKey: string | null;
            related: components["schemas"]["EmailRelatedDto"] | null;
            attachments: components["schemas"]["EmailAttachmentDto"][];
            text: string;
            html: string | null;
            /** @description The relay's acceptance line */
            serverReply: string | null;
            /** @description The Message-ID header every try carries */
            messageId: string;
        };
        MessageTemplateFilterDto: {
            id?: string[];
        };
        MessageTemplateResponseDto: {
            /**
             * @description The template key, also its id in the admin
             * @example invoice
             */
            id: string;
            /** @example invoice */
            key: string;
            name: string;
            /** @description Contacts who tick this message category receive the message */
            categoryId: number;
            categoryName: string;
            subject: string;
            /** @description Plain text with merge fields such as {{account.name}} */
            bodyText: string;
            updatedBy: number | null;
            updatedByName: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        MergeFieldDto: {
            /** @example invoice.total */
            field: string;
            /** @example {{invoice.total}} */
            placeholder: string;
            description: string;
        };
        UpdateMessageTemplateDto: {
            name?: string;
            categoryId?: number;
            subject?: string;
            bodyText?: string;
        };
        PreviewMessageTemplateDto: {
            accountId: number;
            invoiceId?: number;
            /** @description A card or bank payment (processor payment id) */
            paymentId?: number;
            subject?: string;
            bodyText?: string;
        };
        RenderedMessageDto: {
            subject: string;
            text: string;
        };
        MessageRecipientDto: {
            contactId: number;
            name: string;
            email: string;
        };
        InvoiceEmailRecipientsDto: {
            invoiceId: number;
            /**
             * @description The account's bill mode: what is attached
             * @enum {string}
             */
            billMode: "invoice" | "statement";
            templateKey: string;
            /** @description The message category a contact must tick to receive it */
            categoryName: string;
            recipients: components["schemas"]["MessageRecipientDto"][];
        };
        QueuedInvoiceEmailDto: {
            emailId: number;
            contactId: number;
            to: string;
        };
        InvoiceEmailResultDto: {
            invoiceId: number;
            /** @enum {string} */
            billMode: "invoice" | "statement";
            emails: components["schemas"]["QueuedInvoiceEmailDto"][];
        };
        StatusFigureDto: {
            accountStatusId: number;
            name: string;
            /** @example #4caf50 */
            color: string;
            /** @description The status is one delinquency gives */
            delinquency: boolean;
            accounts: number;
        };
        AccountFiguresDto: {
            total: number;
            /** @description Every status, in name order */
            byStatus: components["schemas"]["StatusFigureDto"][];
            /** @description Accounts whose status is a delinquency status */
            delinquent: number;
        };
        RecurringRevenueDto: {
            /** @description Recurring charges for one period (before taxes) of every service on an account today, minor units */
            monthly: number;
            /** @description The same on the last day of the previous month, minor units */
            previousMonth: number;
            /** @description monthly less previousMonth, minor units */
            change: number;
            /** @example 2026-11-30 */
            previousMonthEnd: string;
        };
        AgingBucketDto: {
            /** @enum {string} */
            bucket: "current" | "1-30" | "31-60" | "61-90" | "90+";
            /** @description Open invoices in the bucket */
            invoices: number;
            /** @description Still owed on them, minor units */
            owed: number;
        };
        MonthFigureDto: {
            /** @example 2026-11 */
            month: string;
            /** @description Total of invoices dated in the month, void ones left out, minor units */
            invoiced: number;
            /** @description Payments received in the month and not reversed, minor units */
            paid: number;
        };
        LastBillRunDto: {
            id: number;
            /** @example 2026-12-01 */
            runDate: string;
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            /** @description Accounts the run has handled so far */
            accounts: number;
            /** @description Accounts due when it planned its batches */
            plannedAccounts: number | null;
            invoices: number;
            /** @description Minor units */
            invoicedTotal: number;
            failures: number;
            /** @description Accounts held back because their invoice broke a safety bound */
            parked: number;
        };
        AutopayDeclineDto: {
            reason: string;
            attempts: number;
            /** @description Minor units */
            amount: number;
        };
        AutopayTodayDto: {
            /** @example 2026-12-02 */
            date: string;
            /** @description The run for today; null before it starts */
            runId: number | null;
            /** @enum {string|null} */
            status: "running" | "completed" | "failed" | null;
            /** @description Charges that succeeded or were submitted (bank debits in flight) */
            charged: number;
            /** @description Minor units */
            chargedTotal: number;
            declined: number;
            /** @description Minor units */
            declinedTotal: number;
            /** @description Declines by reason, most frequent first */
            declines: components["schemas"]["AutopayDeclineDto"][];
        };
        LateFeesDto: {
            /** @example 2026-12-01 */
            from: string;
            /** @example 2026-12-02 */
            to: string;
            count: number;
            /** @description With tax, minor units */
            total: number;
        };
        EmailFiguresDto: {
            /** @description Waiting for the mail relay */
            queued: number;
            /** @description Refused by the relay, or not accepted in time */
            rejected: number;
        };
        DashboardDto: {
            /**
             * @description The billing day the figures are for
             * @example 2026-12-02
             */
            today: string;
            /** @example USD */
            currency: string;
            accounts: components["schemas"]["AccountFiguresDto"];
            recurringRevenue: components["schemas"]["RecurringRevenueDto"];
            /** @description Owed on all open invoices, minor units (the sum of the aging buckets) */
            receivables: number;
            /** @description Every bucket, youngest first */
            aging: components["schemas"]["AgingBucketDto"][];
            /** @description The last twelve months, oldest first, this month included */
            months: components["schemas"]["MonthFigureDto"][];
            lastBillRun: components["schemas"]["LastBillRunDto"] | null;
            autopayToday: components["schemas"]["AutopayTodayDto"];
            /** @description Late fees charged this month so far */
            lateFees: components["schemas"]["LateFeesDto"];
            emails: components["schemas"]["EmailFiguresDto"];
        };
        NextBillRunDto: {
            /** @example 2026-12-02 */
            runDate: string;
            /** @description Accounts due on that date as things stand now */
            dueAccounts: number;
        };
        CallLogFilterDto: {
            /** @description Words in the subject or the notes */
            q?: string;
            attendantUserId?: number;
            /**
             * Format: date-time
             * @description Calls at or after this instant
             */
            calledFrom?: string;
            /**
             * Format: date-time
             * @description Calls at or before this instant
             */
            calledTo?: string;
            /** @description react-admin getMany */
            id?: number[];
        };
        CallLogTicketRequestResponseDto: {
            id: number;
            /** @description null once the call log is deleted */
            callLogId: number | null;
            /** @enum {string} */
            kind: "internal" | "public";
            subject: string;
            description: string | null;
            accountId: number;
            assigneeUserId: number | null;
            assigneeName: string | null;
            /** @enum {string} */
            status: "pending";
            createdBy: number;
            /** Format: date-time */
            createdAt: string;
        };
        CallLogResponseDto: {
            id: number;
            accountId: number;
            subject: string;
            /** @description Seconds */
            durationSeconds: number;
            attendantUserId: number;
            attendantName: string;
            /** Format: date-time */
            calledAt: string;
            notes: string | null;
            createdBy: number;
            createdByName: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Tickets asked for from this call, oldest first */
            ticketRequests: components["schemas"]["CallLogTicketRequestResponseDto"][];
        };
        CreateCallLogDto: {
            /** @example Slow speeds in the evening */
            subject: string;
            /**
             * @description How long the call lasted, in seconds
             * @example 312
             */
            durationSeconds: number;
            /** @description The active staff user who took the call; the current user when left out */
            attendantUserId?: number;
            /**
             * Format: date-time
             * @description When the call took place; now when left out, never in the future
             * @example 2026-11-27T09:30:00Z
             */
            calledAt?: string;
            notes?: string | null;
        };
        UpdateCallLogDto: {
            subject?: string;
            /** @description Seconds */
            durationSeconds?: number;
            /** @description An active staff user */
            attendantUserId?: number;
            /**
             * Format: date-time
             * @example 2026-11-27T09:30:00Z
             */
            calledAt?: string;
            notes?: string | null;
        };
        CreateCallLogTicketRequestDto: {
            /**
             * @description internal: staff only; public: the subscriber sees it
             * @enum {string}
             */
            kind: "internal" | "public";
            /** @description An active staff user; the call attendant when left out */
            assigneeUserId?: number;
            /** @description The call's subject when left out */
            subject?: string;
            /** @description The call's notes when left out */
            description?: string | null;
        };
        NightlyRunDto: {
            id: number;
            /** @enum {string} */
            step: "nightly" | "delinquency";
            /** @example 2026-12-01 */
            runDate: string;
            workflowId: string;
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            /** @description The staff user who started it; null when the schedule did */
            startedBy: number | null;
            /** @description The night that ran this one while catching up, or null when it ran on its own */
            caughtUpBy: string | null;
            /** @description What the step did, once it is done */
            summary: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
        };
        NightlyDateDto: {
            /**
             * @description The day to run for, as YYYY-MM-DD
             * @example 2026-12-01
             */
            date: string;
        };
        DelinquencyPreviewDto: {
            /**
             * @description The day to run for, as YYYY-MM-DD
             * @example 2026-12-01
             */
            date: string;
            /** @description The accounts to preview; the first 500 with overdue invoices when left out */
            accountIds?: number[];
        };
        LateFeePreviewDto: {
            /** @description Before tax, minor units */
            amount: number;
            /** @description Minor units */
            tax: number;
        };
        DelinquentInvoicePreviewDto: {
            accountId: number;
            invoiceId: number;
            invoiceNumber: string;
            /** @example 2026-11-15 */
            dueDate: string;
            /** @description Minor units */
            remaining: number;
            /** @description The late fee it would draw; null when none */
            lateFee: components["schemas"]["LateFeePreviewDto"] | null;
        };
        StatusChangePreviewDto: {
            accountId: number;
            fromStatusId: number;
            toStatusId: number;
        };
        SkippedAccountPreviewDto: {
            accountId: number;
            /** @enum {string} */
            reason: "weekday" | "exclusion_date" | "accounting_period_closed";
        };
        DelinquencyPreviewResultDto: {
            /** @example 2026-12-01 */
            date: string;
            /** @description Invoices that would turn delinquent */
            invoices: components["schemas"]["DelinquentInvoicePreviewDto"][];
            statusChanges: components["schemas"]["StatusChangePreviewDto"][];
            skipped: components["schemas"]["SkippedAccountPreviewDto"][];
            /** @description More accounts had overdue invoices than the preview looked at */
            more: boolean;
            /** @description Account names by account id */
            accountNames: {
                [key: string]: string;
            };
            /** @description Status names by status id */
            statusNames: {
                [key: string]: string;
            };
        };
        ContractTemplateFilterDto: {
            /** @description Only enabled templates (what "Add contract" offers) */
            enabled?: boolean;
            /** @description Name contains */
            q?: string;
            /** @description react-admin getMany */
            id?: number[];
        };
        ContractTemplateResponseDto: {
            id: number;
            name: string;
            /** @description Sanitised HTML with merge fields such as {{account.name}} */
            bodyHtml: string;
            /** @description Sets the expiry from the signing date; null for no expiry */
            termMonths: number | null;
            /** @description A disabled template is not offered for new contracts */
            enabled: boolean;
            messageCategoryId: number | null;
            /** @description How many contracts were written from it; a used template can be disabled, not deleted */
            contractCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        ContractMergeFieldDto: {
            /** @example account.name */
            field: string;
            /** @example {{account.name}} */
            placeholder: string;
            description: string;
        };
        CreateContractTemplateDto: {
            name: string;
            /** @description HTML; scripts, event handlers, styles and remote resources are removed */
            bodyHtml: string;
            termMonths?: number | null;
            /** @default true */
            enabled?: boolean;
            /** @description The message category of the signing emails */
            messageCategoryId?: number | null;
        };
        UpdateContractTemplateDto: {
            name?: string;
            bodyHtml?: string;
            termMonths?: number | null;
            enabled?: boolean;
            messageCategoryId?: number | null;
        };
        PreviewContractTemplateDto: {
            accountId: number;
            /** @description A draft body to preview instead of the saved one */
            bodyHtml?: string;
        };
        ContractPreviewDto: {
            /** @description The document as a contract would hold it: sanitised HTML, merge fields filled in */
            html: string;
        };
        ContractFilterDto: {
            accountId?: number;
            /** @enum {string} */
            state?: "draft" | "sent" | "viewed" | "signed" | "declined" | "expired" | "cancelled";
            /** @description Signed (true) or not (false) */
            signed?: boolean;
            /** @description react-admin getMany */
            id?: number[];
        };
        SigningRequestDto: {
            id: number;
            contactId: number | null;
            email: string;
            /** @enum {string} */
            state: "open" | "signed" | "declined" | "expired" | "cancelled";
            /** Format: date-time */
            sentAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description Emails sent for it: the request, re-sends and reminders */
            emailsSent: number;
            remindersSent: number;
            /** Format: date-time */
            closedAt: string | null;
            /** @description The Temporal workflow that runs it */
            workflowId: string;
        };
        ContractResponseDto: {
            id: number;
            accountId: number;
            templateId: number;
            name: string;
            /** @enum {string} */
            state: "draft" | "sent" | "viewed" | "signed" | "declined" | "expired" | "cancelled";
            termMonths: number | null;
            /** @description Who signed, or null while unsigned */
            signedBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            sentAt: string | null;
            /** Format: date-time */
            viewedAt: string | null;
            /** Format: date-time */
            signedAt: string | null;
            /**
             * Format: date
             * @description The end of the term, from the signing date
             */
            expiresOn: string | null;
            /** @enum {string|null} */
            signingMethod: "in_person" | "link" | null;
            /** Format: date-time */
            declinedAt: string | null;
            declineReason: string | null;
            /** @description SHA-256 of the document as written, the one the signer sees */
            documentSha256: string;
            /** @description SHA-256 of the signed PDF */
            signedPdfSha256: string | null;
            /** @description The signing request waiting for the signer, if any */
            openRequest: components["schemas"]["SigningRequestDto"] | null;
        };
        VerifyContractPdfDto: {
            /** @description The PDF, base64-encoded (at most about 700 KB of PDF) */
            pdf: string;
        };
        ContractVerificationDto: {
            /** @description The file carries a signature, made with this instance’s certificate */
            signedByUs: boolean;
            /** @description Every byte is as signed */
            intact: boolean;
            /** @description The contract the file is, when it can be told */
            contractId: number | null;
            accountId: number | null;
            signedBy: string | null;
            /** Format: date-time */
            signedAt: string | null;
            /** @description The file is the very one kept for that contract */
            matchesKeptCopy: boolean;
            /** @description What is wrong, in words */
            problem: string | null;
        };
        ContractDetailDto: {
            id: number;
            accountId: number;
            templateId: number;
            name: string;
            /** @enum {string} */
            state: "draft" | "sent" | "viewed" | "signed" | "declined" | "expired" | "cancelled";
            termMonths: number | null;
            /** @description Who signed, or null while unsigned */
            signedBy: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            sentAt: string | null;
            /** Format: date-time */
            viewedAt: string | null;
            /** Format: date-time */
            signedAt: string | null;
            /**
             * Format: date
             * @description The end of the term, from the signing date
             */
            expiresOn: string | null;
            /** @enum {string|null} */
            signingMethod: "in_person" | "link" | null;
            /** Format: date-time */
            declinedAt: string | null;
            declineReason: string | null;
            /** @description SHA-256 of the document as written, the one the signer sees */
            documentSha256: string;
            /** @description SHA-256 of the signed PDF */
            signedPdfSha256: string | null;
            /** @description The signing request waiting for the signer, if any */
            openRequest: components["schemas"]["SigningRequestDto"] | null;
            /** @description The document as written: sanitised HTML */
            bodyHtml: string;
            signerEmail: string | null;
            signerAddress: string | null;
            signerUserAgent: string | null;
            requests: components["schemas"]["SigningRequestDto"][];
        };
        CreateContractDto: {
            accountId: number;
            /** @description An enabled template */
            templateId: number;
        };
        UpdateContractDto: {
            /** @description Tasks stay with their account; only the current id is accepted */
            accountId?: number;
            /** @description Another enabled template; left out, the same one */
            templateId?: number;
        };
        SignInPersonDto: {
            /** @description The signer's name, typed */
            name: string;
            /** @description The drawn signature: a data:image/png;base64 URL */
            signature: string;
            /** @description The signer agrees to sign electronically; must be true */
            consent: boolean;
            /** @description The signer's email, for the certificate */
            email?: string | null;
        };
        SendForSignatureDto: {
            /** @description One of the account's contacts, with an email address */
            contactId: number;
        };
        SigningTokenDto: {
            /** @description The token from the signing link */
            token: string;
        };
        PublicContractDto: {
            /** @enum {string} */
            state: "open" | "signed";
            companyName: string;
            contractName: string;
            /** @description The document (open requests only) */
            html: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            signedAt: string | null;
            signedBy: string | null;
        };
        PublicSignDto: {
            /** @description The signer's name, typed */
            name: string;
            /** @description The drawn signature: a data:image/png;base64 URL */
            signature: string;
            /** @description The signer agrees to sign electronically; must be true */
            consent: boolean;
            /** @description The token from the signing link */
            token: string;
        };
        PublicDeclineDto: {
            /** @description The token from the signing link */
            token: string;
            /** @description Why the signer declines, for the staff */
            reason?: string;
        };
        ReconciliationRequesterDto: {
            id: number;
            name: string;
            email: string;
        };
        RepairCountsDto: {
            /** @description Rows of FreeRADIUS repaired */
            radius: number;
            /** @description NAS clients repaired */
            nas: number;
            /** @description Subnets and reservations of the DHCP servers repaired */
            dhcp: number;
        };
        ReconciliationReportDto: {
            /** @description Rows of FreeRADIUS added and removed, in words (never a password) */
            radius: string[];
            /** @description Clients of FreeRADIUS’s nas table added and removed */
            nas: string[];
            /** @description Subnets and reservations of the DHCP servers added and removed */
            dhcp: string[];
            /** @description Accounts and DHCP servers whose pending changes had never been handed to their run */
            handedOver: number;
            /** @description What was not compared, and why */
            skipped: string[];
        };
        ReconciliationRepairDto: {
            /**
             * @description FreeRADIUS, or the DHCP server by its name
             * @example FreeRADIUS
             */
            server: string;
            /**
             * @description What the server held that Backhaul does not, or lacked
             * @example erin: Framed-IP-Address was 10.9.9.9
             */
            found: string;
            /**
             * @description What the reconciliation changed on the server
             * @example Set to 100.70.0.10
             */
            done: string;
        };
        NetworkReconciliationDto: {
            id: number;
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            /**
             * Format: date
             * @description The night it ran for; null when staff asked for it
             */
            nightOf: string | null;
            /** @description Who asked for it; null for the nightly one */
            requestedBy: components["schemas"]["ReconciliationRequesterDto"] | null;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description Rows and reservations repaired */
            repairs: number;
            repairCounts: components["schemas"]["RepairCountsDto"];
            /** @description Why it failed, when it did */
            error: string | null;
            /** @description Null while it runs, and when it failed */
            report: components["schemas"]["ReconciliationReportDto"] | null;
            /** @description The report as repairs: the server, what was wrong, what was changed */
            repairList: components["schemas"]["ReconciliationRepairDto"][];
            /** @description The Temporal workflow running it, when staff asked for it */
            workflowId?: string;
        };
        NetworkReconciliationFilterDto: {
            /** @description These reconciliations only */
            id?: number[];
        };
        NetworkReconciliationSummaryDto: {
            id: number;
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            /**
             * Format: date
             * @description The night it ran for; null when staff asked for it
             */
            nightOf: string | null;
            /** @description Who asked for it; null for the nightly one */
            requestedBy: components["schemas"]["ReconciliationRequesterDto"] | null;
            /** Format: date-time */
            startedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description Rows and reservations repaired */
            repairs: number;
            repairCounts: components["schemas"]["RepairCountsDto"];
            /** @description Why it failed, when it did */
            error: string | null;
        };
        PendingNetworkChangeDto: {
            /**
             * @description The change, as the action history names it
             * @example ip_assignment.create
             */
            reason: string;
            /**
             * @description The change in words
             * @example IP address assigned
             */
            description: string;
            /** Format: date-time */
            requestedAt: string;
        };
        AppliedNetworkChangeDto: {
            /**
             * @description The change, as the action history names it
             * @example ip_assignment.create
             */
            reason: string;
            /**
             * @description The change in words
             * @example IP address assigned
             */
            description: string;
            /** Format: date-time */
            requestedAt: string;
            /**
             * Format: date-time
             * @description When a provisioning pass wrote it to the servers
             */
            appliedAt: string;
        };
        NetworkSyncRunDto: {
            /**
             * @description idle: no provisioning run is open (the next change starts one); running; unknown: Temporal did not answer
             * @enum {string}
             */
            state: "idle" | "running" | "unknown";
            /** @example network-sync/42 */
            workflowId: string;
            /** @description Changes signalled to the run and waiting for its next pass */
            waiting: string[];
            /** @description Changes the pass in progress (or being retried) applies */
            applying: string[];
            /** @description Passes the run has made */
            passes: number;
            /** @description Tries of the pass in progress; above 1 while a server does not answer */
            attempt: number;
            /** @description Why the last try of the pass in progress failed, e.g. the RADIUS server not answering; or why Temporal did not answer */
            failure: string | null;
            /**
             * @description The server the pass waits for, when its failure names one
             * @example FreeRADIUS
             */
            waitingFor: string | null;
            /**
             * Format: date-time
             * @description When the pass is tried again
             */
            nextAttemptAt: string | null;
        };
        AccountNetworkStatusDto: {
            accountId: number;
            /**
             * @description in_step: nothing pending; applying: a pass is writing the pending changes; waiting_for_server: the pass is retried while a server does not answer; not_started: changes have been pending for more than ten seconds and no run is open to take them (Sync now, or the next reconciliation, hands them over); unknown: Temporal did not answer
             * @enum {string}
             */
            state: "in_step" | "applying" | "waiting_for_server" | "not_started" | "unknown";
            /** @description Changes not yet applied to the servers */
            pendingCount: number;
            /** @description The oldest pending changes first, at most 50 */
            pending: components["schemas"]["PendingNetworkChangeDto"][];
            /** @description The change applied last */
            lastApplied: components["schemas"]["AppliedNetworkChangeDto"] | null;
            run: components["schemas"]["NetworkSyncRunDto"];
        };
        PlanFilterDto: {
            /** @description Words in the name or the network */
            q?: string;
            /** @enum {number} */
            family?: 4 | 6;
            supernetId?: number;
            subnetId?: number;
            /** @description react-admin getMany */
            id?: number[];
        };
        SupernetResponseDto: {
            id: number;
            name: string;
            /** @enum {number} */
            family: 4 | 6;
            /** @example 100.64.0.0/10 */
            network: string;
            description: string | null;
            subnetCount: number;
            /** Format: date-time */
            createdAt: string;
        };
        CreateSupernetDto: {
            /** @example Customer space */
            name: string;
            /**
             * @description CIDR; host bits must be zero
             * @example 100.64.0.0/10
             */
            network: string;
            description?: string | null;
        };
        UpdateSupernetDto: {
            name?: string;
            description?: string | null;
        };
        IpUsageDto: {
            /**
             * @description Addresses hosts can take (reserved ones left out), as a decimal string: an IPv6 range outgrows a JSON number
             * @example 254
             */
            usable: string;
            /**
             * @description Addresses taken by active assignments, as a decimal string
             * @example 17
             */
            assigned: string;
            /**
             * @description assigned ÷ usable × 100, to two decimals, for a gauge
             * @example 6.69
             */
            percent: number;
        };
        SubnetResponseDto: {
            id: number;
            supernetId: number;
            supernetName: string;
            name: string;
            /** @enum {number} */
            family: 4 | 6;
            /** @example 100.64.8.0/22 */
            network: string;
            prefixLength: number;
            gateway: string | null;
            /** @description Addresses no host may take: network, broadcast, gateway */
            reserved: string[];
            description: string | null;
            usage: components["schemas"]["IpUsageDto"];
            /** @description True while the whole subnet is assigned (routed to one subscriber) */
            assignedWhole: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        CreateSubnetDto: {
            supernetId: number;
            /** @example Tower 3 customers */
            name: string;
            /**
             * @description CIDR inside the supernet; host bits must be zero
             * @example 100.64.8.0/22
             */
            network: string;
            /**
             * @description The router on the subnet: never given to a host
             * @example 100.64.8.1
             */
            gateway?: string | null;
            description?: string | null;
        };
        UpdateSubnetDto: {
            name?: string;
            /** @description null: no gateway */
            gateway?: string | null;
            description?: string | null;
        };
        PoolResponseDto: {
            id: number;
            subnetId: number;
            subnetNetwork: string;
            name: string;
            /** @enum {number} */
            family: 4 | 6;
            firstAddress: string;
            lastAddress: string;
            description: string | null;
            usage: components["schemas"]["IpUsageDto"];
            /** Format: date-time */
            createdAt: string;
        };
        CreatePoolDto: {
            subnetId: number;
            /** @example Dynamic customers */
            name: string;
            /** @example 100.64.8.10 */
            firstAddress: string;
            /** @example 100.64.11.254 */
            lastAddress: string;
            description?: string | null;
        };
        UpdatePoolDto: {
            name?: string;
            description?: string | null;
        };
        NextFreeAddressResponseDto: {
            /** @example 100.64.8.10 */
            address: string;
            poolId: number;
            subnetId: number;
            /**
             * Format: date-time
             * @description The address is kept for you until then; nobody else is offered it
             */
            heldUntil: string;
        };
        UninventoriedMacResponseDto: {
            id: number;
            accountId: number;
            mac: string;
            description: string | null;
            ipAddresses: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            removedAt: string | null;
        };
        CreateUninventoriedMacDto: {
            /** @example 00:1a:2b:3c:4d:5e */
            mac: string;
            description?: string | null;
            /** @description Assign the next free address of this pool to it at once */
            poolId?: number;
            /** @description Or assign this address to it at once */
            address?: string;
        };
        IpAssignmentFilterDto: {
            /** @description true: active assignments (the default view); false: removed ones; left out: the whole history */
            active?: boolean;
            /** @enum {string} */
            assignee?: "account" | "radius_account" | "inventory_mac" | "uninventoried_mac";
            radiusAccountId?: number;
            /**
             * @description Held by this MAC address (an item's or an uninventoried one), written in any common form: 00-1A-2B-3C-4D-5E, 001a.2b3c.4d5e…
             * @example 00:1a:2b:3c:4d:5e
             */
            mac?: string;
            /** @description Part of the address */
            q?: string;
            id?: number[];
        };
        IpAssignmentResponseDto: {
            id: number;
            accountId: number;
            subnetId: number;
            subnetNetwork: string;
            poolId: number | null;
            poolName: string | null;
            /** @enum {number} */
            family: 4 | 6;
            /**
             * @description The address, or the subnet in CIDR form when covers is subnet
             * @example 100.64.8.23
             */
            address: string;
            /** @enum {string} */
            covers: "address" | "subnet";
            /** @enum {string} */
            assignee: "account" | "radius_account" | "inventory_mac" | "uninventoried_mac";
            radiusAccountId: number | null;
            inventoryMacId: number | null;
            uninventoriedMacId: number | null;
            /** @description The MAC address holding it, for MAC assignees */
            mac: string | null;
            /**
             * @description Who holds it, in words: the account, a RADIUS username, a MAC address
             * @example jsmith
             */
            assigneeLabel: string;
            soft: boolean;
            description: string | null;
            /** Format: date-time */
            assignedAt: string;
            assignedByName: string | null;
            /** Format: date-time */
            removedAt: string | null;
            removedByName: string | null;
            active: boolean;
        };
        CreateIpAssignmentDto: {
            /**
             * @description account: kept on the address lists only; radius_account: written as a reply attribute on the RADIUS server; inventory_mac / uninventoried_mac: a DHCP reservation on the servers of the subnet
             * @enum {string}
             */
            assignee: "account" | "radius_account" | "inventory_mac" | "uninventoried_mac";
            /** @description With assignee radius_account: one of the account’s RADIUS accounts */
            radiusAccountId?: number;
            /** @description With assignee inventory_mac: a MAC address of an item deployed at the account */
            inventoryMacId?: number;
            /** @description With assignee uninventoried_mac: one of the account’s uninventoried MAC addresses */
            uninventoriedMacId?: number;
            /** @description Take the lowest free address of this pool (unless address is given, which must then lie in it) */
            poolId?: number;
            /** @description The subnet of the address, or the subnet assigned whole; found from the address when left out */
            subnetId?: number;
            /**
             * @description A particular address; one held for you by next-free-address is yours to take
             * @example 100.64.8.23
             */
            address?: string;
            /**
             * @description Assign the whole subnet (subnetId), routed to the subscriber
             * @default false
             */
            wholeSubnet?: boolean;
            /**
             * @description Kept for the account without being provisioned anywhere
             * @default false
             */
            soft?: boolean;
            description?: string | null;
        };
        MoveIpAssignmentsDto: {
            /** @description The account that takes over every active assignment, as assignments to the account itself */
            toAccountId: number;
        };
        UpdateIpAssignmentDto: {
            /** @enum {string} */
            assignee?: "account" | "radius_account" | "inventory_mac" | "uninventoried_mac";
            radiusAccountId?: number;
            inventoryMacId?: number;
            uninventoriedMacId?: number;
            soft?: boolean;
            description?: string | null;
        };
        RadiusAccountFilterDto: {
            /** @description Part of the username */
            q?: string;
            id?: number[];
        };
        RadiusAccountResponseDto: {
            id: number;
            accountId: number;
            username: string;
            /** @description Addresses and routed subnets assigned to it now */
            ipAddresses: string[];
            /**
             * @description Download/upload of the account's data service
             * @example 100M/20M
             */
            speed: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateRadiusAccountDto: {
            /** @example jsmith */
            username: string;
            /**
             * @description Written to the RADIUS server; never returned
             * @example correct-horse-42
             */
            password: string;
        };
        UpdateRadiusAccountDto: {
            username?: string;
            /** @description A new password; never returned */
            password?: string;
        };
        NasDeviceFilterDto: {
            q?: string;
            id?: number[];
        };
        NasDeviceResponseDto: {
            id: number;
            name: string;
            address: string;
            /** @enum {string} */
            nasType: "other" | "mikrotik" | "cisco" | "juniper" | "ubiquiti" | "cambium";
            coaPort: number;
            disconnectToLimit: boolean;
            description: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateNasDeviceDto: {
            /** @example Tower 3 BRAS */
            name: string;
            /**
             * @description The address the NAS sends RADIUS from
             * @example 100.64.0.2
             */
            address: string;
            /** @description The shared secret (FreeRADIUS keeps up to 60 characters); never returned */
            secret: string;
            /**
             * @default other
             * @enum {string}
             */
            nasType?: "other" | "mikrotik" | "cisco" | "juniper" | "ubiquiti" | "cambium";
            /**
             * @description Where it listens for CoA and Disconnect requests
             * @default 3799
             */
            coaPort?: number;
            /**
             * @description Limit a session by disconnecting it (the NAS cannot change a live session)
             * @default false
             */
            disconnectToLimit?: boolean;
            description?: string | null;
        };
        UpdateNasDeviceDto: {
            name?: string;
            address?: string;
            /** @description A new shared secret; never returned */
            secret?: string;
            /** @enum {string} */
            nasType?: "other" | "mikrotik" | "cisco" | "juniper" | "ubiquiti" | "cambium";
            coaPort?: number;
            disconnectToLimit?: boolean;
            description?: string | null;
        };
        CatalogFilterDto: {
            q?: string;
            manufacturerId?: number;
            id?: number[];
        };
        ManufacturerResponseDto: {
            id: number;
            name: string;
            modelCount: number;
        };
        ManufacturerDto: {
            /** @example MikroTik */
            name: string;
        };
        ModelFieldResponseDto: {
            id: number;
            name: string;
            required: boolean;
        };
        ModelResponseDto: {
            id: number;
            manufacturerId: number;
            manufacturerName: string;
            name: string;
            macCount: number;
            serialRequired: boolean;
            fields: components["schemas"]["ModelFieldResponseDto"][];
            itemCount: number;
        };
        ModelFieldDto: {
            /** @description An existing field of the model, to keep its values; left out for a new field */
            id?: number;
            /** @example Firmware */
            name: string;
            /** @default false */
            required?: boolean;
        };
        CreateModelDto: {
            manufacturerId: number;
            /** @example hAP ax² */
            name: string;
            /**
             * @description How many MAC addresses each item of the model has (0 to 16)
             * @default 1
             */
            macCount?: number;
            /** @default true */
            serialRequired?: boolean;
            /** @description Fields of its own every item of the model carries */
            fields?: components["schemas"]["ModelFieldDto"][];
        };
        UpdateModelDto: {
            /** @description Another manufacturer: the model and its items move with it */
            manufacturerId?: number;
            name?: string;
            /** @description How many MAC addresses each item of the model has (0 to 16); never fewer than an item of the model has already */
            macCount?: number;
            serialRequired?: boolean;
            /** @description The whole list: fields left out are deleted with their values */
            fields?: components["schemas"]["ModelFieldDto"][];
        };
        StockLocationResponseDto: {
            id: number;
            name: string;
            description: string | null;
            itemCount: number;
        };
        StockLocationDto: {
            /** @example Main warehouse */
            name: string;
            description?: string | null;
        };
        ItemFilterDto: {
            /** @description Part of the serial or a MAC address */
            q?: string;
            modelId?: number;
            /** @enum {string} */
            status?: "in_stock" | "deployed" | "faulty" | "retired";
            accountId?: number;
            stockLocationId?: number;
            id?: number[];
        };
        ItemMacResponseDto: {
            id: number;
            position: number;
            mac: string;
            /** @description Addresses assigned to this MAC now */
            ipAddresses: string[];
        };
        ItemFieldValueResponseDto: {
            fieldId: number;
            name: string;
            value: string;
        };
        ItemResponseDto: {
            id: number;
            modelId: number;
            modelName: string;
            manufacturerName: string;
            serial: string | null;
            /** @enum {string} */
            status: "in_stock" | "deployed" | "faulty" | "retired";
            accountId: number | null;
            accountName: string | null;
            stockLocationId: number | null;
            stockLocationName: string | null;
            macs: components["schemas"]["ItemMacResponseDto"][];
            fieldValues: components["schemas"]["ItemFieldValueResponseDto"][];
            notes: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        FieldValueDto: {
            fieldId: number;
            /** @description Empty clears the value */
            value: string;
        };
        CreateItemDto: {
            modelId: number;
            serial?: string | null;
            /**
             * @description As many as the model's MAC count, in its order
             * @example [
             *       "00:1a:2b:3c:4d:5e"
             *     ]
             */
            macs?: string[];
            fieldValues?: components["schemas"]["FieldValueDto"][];
            /** @description Where it is kept; give this or accountId */
            stockLocationId?: number;
            /** @description The account it is deployed at; give this or stockLocationId */
            accountId?: number;
            notes?: string | null;
        };
        UpdateItemDto: {
            serial?: string | null;
            /** @description Values to set; the others stay */
            fieldValues?: components["schemas"]["FieldValueDto"][];
            /** @enum {string} */
            status?: "faulty" | "retired" | "in_stock" | "deployed";
            notes?: string | null;
        };
        ItemAssigneeDto: {
            accountId?: number;
            stockLocationId?: number;
        };
        AssignItemDto: {
            /** @description An item in stock */
            itemId: number;
        };
        ConnectedDeviceResponseDto: {
            mac: string;
            /** @description Our item with that MAC, when it is one */
            itemId: number | null;
            itemLabel: string | null;
            /** Format: date-time */
            firstSeenAt: string;
            /** Format: date-time */
            lastSeenAt: string;
        };
        ConnectedDeviceDto: {
            /**
             * @description A MAC address seen behind the item
             * @example a4:83:e7:01:02:03
             */
            mac: string;
        };
        DhcpServerFilterDto: {
            /** @description Part of the name, the control socket or a relay address (never the host database URL, which may hold a password) */
            q?: string;
            id?: number[];
        };
        DhcpServerResponseDto: {
            id: number;
            name: string;
            /**
             * @description Where its host database is, without the login
             * @example mysql://10.0.0.9:3306/kea
             */
            hostsDatabase: string;
            controlSocket: string | null;
            relayAddresses: string[];
            subnetIds: number[];
            /** Format: date-time */
            updatedAt: string;
        };
        CreateDhcpServerDto: {
            /** @example Core Kea */
            name: string;
            /**
             * @description Kea's host database (MySQL host backend); never returned with its password
             * @example mysql://kea:secret@10.0.0.9:3306/kea
             */
            hostsDatabaseUrl: string;
            /**
             * @description Kea's control socket on the worker's machine; without one, subnets are not pushed to Kea
             * @example /run/kea/kea4-ctrl-socket
             */
            controlSocket?: string | null;
            /**
             * @description Relay agents whose requests select the subnets (Kea relay.ip-addresses)
             * @example [
             *       "10.0.0.1"
             *     ]
             */
            relayAddresses?: string[];
            /** @description The IPv4 subnets this server serves */
            subnetIds?: number[];
        };
        UpdateDhcpServerDto: {
            name?: string;
            /** @description A new host database URL; never returned with its password */
            hostsDatabaseUrl?: string;
            controlSocket?: string | null;
            relayAddresses?: string[];
            subnetIds?: number[];
        };
        AddressListFilterDto: {
            /** @description Part of the name or the description */
            q?: string;
            /** @enum {string} */
            accounts?: "all" | "delinquent" | "not_delinquent" | "statuses";
            id?: number[];
        };
        AddressListResponseDto: {
            id: number;
            name: string;
            description: string | null;
            /** @enum {string} */
            accounts: "all" | "delinquent" | "not_delinquent" | "statuses";
            statusIds: number[];
            /** @description Entries in the list now */
            entryCount: number;
            /** Format: date-time */
            updatedAt: string;
        };
        CreateAddressListDto: {
            /**
             * @description Lower-case letters, digits, - and _: the name routers use
             * @example delinquent
             */
            name: string;
            description?: string | null;
            /**
             * @description Whose addresses: every account, accounts in a delinquency status, accounts in any other status, or accounts in the chosen statuses
             * @enum {string}
             */
            accounts: "all" | "delinquent" | "not_delinquent" | "statuses";
            /** @description With accounts = statuses: the account statuses */
            statusIds?: number[];
        };
        AddressListCreatedDto: {
            id: number;
            name: string;
            description: string | null;
            /** @enum {string} */
            accounts: "all" | "delinquent" | "not_delinquent" | "statuses";
            statusIds: number[];
            /** @description Entries in the list now */
            entryCount: number;
            /** Format: date-time */
            updatedAt: string;
            /** @description The key routers fetch the list with (Authorization: Bearer <key>); shown this once, only its hash is kept */
            fetchKey: string;
        };
        UpdateAddressListDto: {
            description?: string | null;
            /** @enum {string} */
            accounts?: "all" | "delinquent" | "not_delinquent" | "statuses";
            statusIds?: number[];
        };
        FetchKeyDto: {
            /** @description The new key; the old one stops working now. Shown this once. */
            fetchKey: string;
        };
        UsageOctetsDto: {
            /**
             * @description Octets the subscriber sent
             * @example 1250000000
             */
            upload: string;
            /**
             * @description Octets the subscriber received
             * @example 48000000000
             */
            download: string;
            /** @example 49250000000 */
            total: string;
        };
        UsagePeriodDto: {
            /**
             * Format: date-time
             * @description Midnight UTC of the account’s billing day
             */
            start: string;
            /**
             * Format: date-time
             * @description Exclusive: the next period’s start
             */
            end: string;
            /** @description The period holding now */
            current: boolean;
            usage: components["schemas"]["UsageOctetsDto"];
        };
        UsageHourDto: {
            /** Format: date-time */
            hour: string;
            upload: string;
            download: string;
        };
        LoginDto: {
            /** @example admin@backhaul.local */
            email: string;
            /** @example backhaul-demo */
            password: string;
        };
        LoginResponseDto: {
            /** @description Bearer token for API clients; the panel uses the httpOnly cookie set alongside */
            token: string;
        };
        MeResponseDto: {
            id: number;
            email: string;
            name: string;
            permissions: string[];
            roles: {
                id?: number;
                name?: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuditController_listActions: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see ActionHistoryFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of recorded actions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionHistoryEntryDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs audit.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditController_listActionKinds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every kind of action the history records, with its label */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionKindDto"][];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs audit.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditController_exportActions: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see ActionHistoryFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The filtered action history */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs audit.export */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditController_listViews: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see ViewHistoryFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of recorded views of records */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewHistoryEntryDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs audit.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditController_startExport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartAuditExportDto"];
            };
        };
        responses: {
            /** @description The export, started; poll it until it can be downloaded */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs audit.export */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditController_getExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export and how far it has got */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs audit.export */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuditController_downloadExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs audit.export */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see UserFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs users.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs users.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs users.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs users.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RolesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see RoleFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs roles.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RolesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRoleDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs roles.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RolesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs roles.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RolesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRoleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs roles.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RolesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs roles.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RolesController_permissions: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see PermissionFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of permissions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PermissionDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs roles.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountTypesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see AccountLookupFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTypeResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountTypesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccountTypeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTypeResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountTypesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTypeResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountTypesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAccountTypeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTypeResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountTypesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTypeResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountStatusesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see AccountLookupFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountStatusResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountStatusesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccountStatusDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountStatusResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountStatusesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountStatusResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountStatusesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAccountStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountStatusResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountStatusesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountStatusResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountGroupsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see AccountLookupFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountGroupResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountGroupsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccountGroupDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountGroupResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountGroupsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountGroupResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountGroupsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAccountGroupDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountGroupResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountGroupsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountGroupResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see AccountFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccountDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountsController_exportCsv: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see AccountFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The filtered accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAccountDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountsController_find: {
        parameters: {
            query: {
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchHitDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContactsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see ContactFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContactsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateContactDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContactsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContactsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateContactDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContactsController_remove: {
        parameters: {
            query?: {
                /** @description Another contact of the account to make primary before deleting this one */
                successorId?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContactsController_setPortalCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PortalCredentialsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContactsController_removePortalCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContactsController_becomePrimary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    MessageCategoriesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see MessageCategoryFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageCategoryResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    MessageCategoriesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMessageCategoryDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageCategoryResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    MessageCategoriesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageCategoryResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    MessageCategoriesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMessageCategoryDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageCategoryResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    MessageCategoriesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageCategoryResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    CustomFieldsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see CustomFieldFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomFieldResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    CustomFieldsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCustomFieldDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomFieldResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    CustomFieldsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomFieldResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    CustomFieldsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCustomFieldDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomFieldResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    CustomFieldsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomFieldResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountNotesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see AccountNoteFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountNoteResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountNotesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccountNoteDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountNoteResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountNotesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountNoteResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountNotesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAccountNoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountNoteResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountNotesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted note */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountNoteResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountTasksController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see AccountTaskFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTaskResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountTasksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccountTaskDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTaskResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountTasksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTaskResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountTasksController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAccountTaskDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTaskResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountTasksController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted task */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTaskResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountFilesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see AccountFileFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountFileResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountFilesController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description accountId first, then file */
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadAccountFileDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountFileResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Larger than FILE_MAX_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountFilesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountFileResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountFilesController_rename: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenameAccountFileDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountFileResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountFilesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountFileResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountFilesController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes, as an attachment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountFilesController_thumbnail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A WebP at most 256 pixels on its longer side */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountPageController_header: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountHeaderDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountPageController_customFields: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomFieldDisplayDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TaxTypesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see TaxTypeFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxTypeResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TaxTypesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaxTypeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxTypeResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TaxTypesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxTypeResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TaxTypesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTaxTypeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxTypeResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TaxTypesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxTypeResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TaxesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see TaxFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TaxesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaxDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TaxesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TaxesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTaxDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TaxesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deletes its zones too; 409 while accounts, services or charges use the tax */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TaxZonesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see TaxZoneFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxZoneResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TaxZonesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaxZoneDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxZoneResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TaxZonesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxZoneResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TaxZonesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTaxZoneDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxZoneResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TaxZonesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxZoneResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountTaxesController_geoTaxes: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see GeoTaxFilterDto */
                filter?: string;
            };
            header?: never;
            path: {
                accountId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Geographic taxes with a zone containing the account's service location */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GeoTaxResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountTaxesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see AccountTaxOverrideFilterDto */
                filter?: string;
            };
            header?: never;
            path: {
                accountId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTaxOverrideResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountTaxesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAccountTaxOverrideDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTaxOverrideResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountTaxesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: number;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTaxOverrideResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountTaxesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: number;
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAccountTaxOverrideDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTaxOverrideResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountTaxesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: number;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTaxOverrideResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ServicesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see ServiceFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ServicesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateServiceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ServicesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ServicesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateServiceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ServicesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PackagesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see PackageFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PackagesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePackageDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PackagesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PackagesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePackageDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PackagesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BillingSettingsController_getSystem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemBillingSettingsDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BillingSettingsController_updateSystem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateBillingSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SystemBillingSettingsDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BillingSettingsController_getAccountType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTypeBillingDefaultsDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BillingSettingsController_updateAccountType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateBillingSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountTypeBillingDefaultsDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BillingSettingsController_getAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountBillingConfigDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BillingSettingsController_updateAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateBillingSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountBillingConfigDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountingPeriodController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountingPeriodDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountingPeriodController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAccountingPeriodDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountingPeriodDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    DelinquencyExclusionDatesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see DelinquencyExclusionDateFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelinquencyExclusionDateDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    DelinquencyExclusionDatesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDelinquencyExclusionDateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelinquencyExclusionDateDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    DelinquencyExclusionDatesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelinquencyExclusionDateDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    DelinquencyExclusionDatesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDelinquencyExclusionDateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelinquencyExclusionDateDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    DelinquencyExclusionDatesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelinquencyExclusionDateDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InvoicesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see InvoiceFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InvoicesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvoiceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InvoicesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InvoicesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateInvoiceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InvoicesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.void */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InvoicesController_transactions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invoice's charges and the credits applied to it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceTransactionsDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InvoicesController_generate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GenerateInvoiceDto"];
            };
        };
        responses: {
            /** @description The invoice for that billing date, created now or found from an earlier call. Recurring services are charged only on the account's billing day; on another date the invoice carries the charges waiting, and there is none when nothing waits. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GeneratedInvoiceDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InvoicesController_voidInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoidDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.void */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InvoicesController_applyCredits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyCreditsDto"];
            };
        };
        responses: {
            /** @description The credits applied to the invoice */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppliedCreditsDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InvoicesController_link: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinkInvoiceDto"];
            };
        };
        responses: {
            /** @description The child invoice, now linked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.child_accounts */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InvoicesController_unlink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The child invoice, no longer linked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.child_accounts */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TransactionsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see TransactionFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TransactionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TransactionsController_applications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the transaction was applied to, or what was applied to it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditApplicationDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TransactionsController_listPayments: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see ReceivedPaymentFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceivedPaymentDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TransactionsController_pay: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat a payment request safely: the same key returns the first result */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostedTransactionDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TransactionsController_oneTime: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OneTimeTransactionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostedTransactionDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TransactionsController_adjustment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdjustmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostedTransactionDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TransactionsController_reverse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoidDto"];
            };
        };
        responses: {
            /** @description The discount that reverses the debit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostedTransactionDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.void */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TransactionsController_voidCredit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoidDto"];
            };
        };
        responses: {
            /** @description The void row that cancels the credit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostedTransactionDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.void */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    TransactionsController_describe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DescribeDebitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountServicesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see AccountServiceFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountServiceResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountServicesController_add: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddAccountServiceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountServiceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountServicesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountServiceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountServicesController_edit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditAccountServiceDto"];
            };
        };
        responses: {
            /** @description The line as edited; a new line when its quantity or price changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountServiceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountServicesController_changeQuantity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeQuantityDto"];
            };
        };
        responses: {
            /** @description The line that carries the new quantity from the given date */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountServiceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountServicesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RemoveAccountServiceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountServiceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountBillingController_accountFigures: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillingFiguresDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountBillingController_books: {
        parameters: {
            query?: {
                /** @description Check one account (with its family); all accounts when left out */
                accountId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every disagreement between the recomputed books and the stored figures; empty when they balance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BooksReportDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountBillingController_listChildren: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The child accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChildAccountDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountBillingController_linkChild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LinkChildAccountDto"];
            };
        };
        responses: {
            /** @description The child accounts, with the new one */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChildAccountDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.child_accounts */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountBillingController_unlinkChild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                childId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The child accounts left */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChildAccountDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.child_accounts */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BillingDocumentsController_invoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invoice */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BillingDocumentsController_statement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statement */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BillingDocumentsController_receipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The receipt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    LateFeesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see LateFeeFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LateFeeDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    DisconnectionController_disconnect: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DisconnectAccountDto"];
            };
        };
        responses: {
            /** @description The disconnection log entry */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisconnectionResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.disconnect */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Already disconnected, or no default disconnect status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    DisconnectionController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisconnectionResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    DisconnectionController_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisconnectionSettingsDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    DisconnectionController_updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDisconnectionSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DisconnectionSettingsDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs accounts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BillRunsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of bill runs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillRunSummaryDto"][];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BillRunsController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartBillRunWithBoundsDto"];
            };
        };
        responses: {
            /** @description The run for that date, started now or found already started (started: false) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunStartedDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BillRunsController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewBillRunDto"];
            };
        };
        responses: {
            /** @description What the run would invoice for each account; nothing is written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoicePreviewDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BillRunsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bill run and its progress */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillRunDetailDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BillRunsController_release: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                accountId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The parked account invoiced as computed, without the safety bounds */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    BillRunsController_dismiss: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                accountId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The parked account left uninvoiced for the run date */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ScheduledEventsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see ScheduledEventFilterDto */
                filter?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduledEventResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ScheduledEventsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateScheduledEventDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduledEventResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ScheduledEventsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduledEventResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ScheduledEventsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateScheduledEventDto"];
            };
        };
        responses: {
            /** @description The event with its new time or values, one revision on */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduledEventResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ScheduledEventsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduledEventResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ScheduledEventsController_performNow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event once carried out (done, or failed with its reason); still scheduled if the action is slow to finish */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduledEventResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentMethodsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Saved cards and bank accounts, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentMethodDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentMethodsController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddPaymentMethodDto"];
            };
        };
        responses: {
            /** @description Attached to the account’s Stripe customer and saved */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentMethodDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentMethodsController_setupIntent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetupIntentRequestDto"];
            };
        };
        responses: {
            /** @description A Stripe SetupIntent's client secret for Stripe's elements */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SetupIntentDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentMethodsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                methodId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Detached at Stripe and marked deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentMethodDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentMethodsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                methodId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePaymentMethodDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentMethodDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentsController_config: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentsConfigDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentsController_card: {
        parameters: {
            query?: never;
            header: {
                /** @description One key per payment: a retry with the same key and body returns the first result and never charges twice */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProcessorPaymentRequestDto"];
            };
        };
        responses: {
            /** @description Succeeded and on the ledger */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessorPaymentDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Declined; the processor's reason is in the message */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The Idempotency-Key was used for a different payment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentsController_bank: {
        parameters: {
            query?: never;
            header: {
                /** @description One key per payment: a retry with the same key and body returns the first result and never charges twice */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProcessorPaymentRequestDto"];
            };
        };
        responses: {
            /** @description Pending until the bank debit settles (through the webhook) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessorPaymentDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Refused; the processor's reason is in the message */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The Idempotency-Key was used for a different payment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Card and bank payments of the account, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessorPaymentDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentReversalsController_reconcile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Card and bank payments matched against the processor for the days from..to, with every difference */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentReversalsController_reverse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReversePaymentDto"];
            };
        };
        responses: {
            /** @description The void row on the ledger and, when asked, the refund with its state at the processor */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentReversalResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.void */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Already reversed, not recorded yet, or in a closed accounting period */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentReversalsController_paymentHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A payment's processor record, its reversals, refunds and disputes, for the payment's inner tabs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentHistoryResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PaymentReversalsController_refunds: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refunds of the account, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessorRefundResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    WebhookEventsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see WebhookEventFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Processor events, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEventDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs webhooks.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    WebhookEventsController_inboxFigures: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookInboxFiguresDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs webhooks.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    WebhookEventsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEventDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs webhooks.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    WebhookEventsController_redispatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Handed to processing again */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEventDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs webhooks.dispatch */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The event was already processed or ignored */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AutopayRunsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of autopay runs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutopayRunSummaryDto"][];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AutopayRunsController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartAutopayRunDto"];
            };
        };
        responses: {
            /** @description The run for that date, started now or found already started (started: false) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunStartedDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AutopayRunsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The autopay run and its progress */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutopayRunDetailDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    EmailsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see EmailFilterDto */
                filter?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Email to the account, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    EmailsController_compose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComposeEmailDto"];
            };
        };
        responses: {
            /** @description Queued (or invalid, when a contact’s address cannot be one) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailDetailDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    EmailsController_listAll: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see EmailFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Email to every account, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    EmailsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailDetailDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    EmailsController_resend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new copy */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailDetailDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The email is still being delivered */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    MessageTemplatesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see MessageTemplateFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageTemplateResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    MessageTemplatesController_mergeFields: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeFieldDto"][];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    MessageTemplatesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageTemplateResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    MessageTemplatesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMessageTemplateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessageTemplateResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    MessageTemplatesController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewMessageTemplateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenderedMessageDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InvoiceEmailController_recipients: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who "Email invoice" would write to, and what it would attach */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceEmailRecipientsDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InvoiceEmailController_email: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One email per recipient, queued for delivery */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceEmailResultDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    DashboardController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    DashboardController_nextBillRun: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NextBillRunDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs billing.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    CallLogsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see CallLogFilterDto */
                filter?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallLogResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    CallLogsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCallLogDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallLogResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    CallLogsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallLogResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    CallLogsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted call log; its ticket requests stay */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallLogResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    CallLogsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCallLogDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallLogResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    CallLogsController_requestTicket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCallLogTicketRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallLogTicketRequestResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs correspondence.write */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    NightlyRunsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of nightly runs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NightlyRunDto"][];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs nightly.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    NightlyRunsController_startNightly: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NightlyDateDto"];
            };
        };
        responses: {
            /** @description The night of that date (missed nights first, then bill run, delinquency and period close), started now or found already started or done (started: false) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunStartedDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs nightly.run */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    NightlyRunsController_startDelinquency: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NightlyDateDto"];
            };
        };
        responses: {
            /** @description Delinquency alone for that date, started now or found already started or done (started: false) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunStartedDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs nightly.run */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    NightlyRunsController_previewDelinquency: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DelinquencyPreviewDto"];
            };
        };
        responses: {
            /** @description The invoices that would turn delinquent with their late fees, and the status changes; nothing is written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelinquencyPreviewResultDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs nightly.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractTemplatesController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see ContractTemplateFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractTemplateResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractTemplatesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateContractTemplateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractTemplateResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractTemplatesController_mergeFields: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractMergeFieldDto"][];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractTemplatesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractTemplateResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractTemplatesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateContractTemplateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractTemplateResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractTemplatesController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted template; one that was used answers 409 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractTemplateResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractTemplatesController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewContractTemplateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractPreviewDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see ContractFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateContractDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractDetailDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractsController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyContractPdfDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractVerificationDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractDetailDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateContractDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractDetailDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted contract; a signed one answers 409 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractsController_sign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignInPersonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractDetailDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractsController_send: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendForSignatureDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractDetailDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractsController_resend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractDetailDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractDetailDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractsController_signature: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The drawn signature */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ContractsController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed PDF, as kept when it was signed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs contracts.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PublicSigningController_view: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SigningTokenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicContractDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PublicSigningController_sign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicSignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicContractDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PublicSigningController_decline: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicDeclineDto"];
            };
        };
        responses: {
            /** @description Declined */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    NetworkReconciliationController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see NetworkReconciliationFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reconciliations, nightly and asked for, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NetworkReconciliationSummaryDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    NetworkReconciliationController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NetworkReconciliationDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    NetworkReconciliationController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NetworkReconciliationDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountNetworkStatusController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountNetworkStatusDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AccountNetworkStatusController_syncNow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountNetworkStatusDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_listSupernets: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see PlanFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupernetResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_createSupernet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSupernetDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupernetResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_getSupernet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupernetResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_deleteSupernet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted supernet; one that still holds subnets is refused */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupernetResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_updateSupernet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSupernetDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupernetResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_listSubnets: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see PlanFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubnetResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_createSubnet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSubnetDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubnetResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_getSubnet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubnetResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_deleteSubnet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted subnet; one with pools or any assignment in its history is refused */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubnetResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_updateSubnet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSubnetDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubnetResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_listPools: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see PlanFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PoolResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_createPool: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePoolDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PoolResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_getPool: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PoolResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_deletePool: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted pool; one with any assignment in its history is refused */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PoolResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_updatePool: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePoolDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PoolResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_nextFree: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NextFreeAddressResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpPlanController_releaseHeld: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The hold is gone and the address is free again */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpAssignmentsController_listMacs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UninventoriedMacResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpAssignmentsController_createMac: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUninventoriedMacDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UninventoriedMacResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpAssignmentsController_deleteMac: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The removed MAC address; its addresses are removed with it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UninventoriedMacResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpAssignmentsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see IpAssignmentFilterDto */
                filter?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpAssignmentResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpAssignmentsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIpAssignmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpAssignmentResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpAssignmentsController_moveAll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveIpAssignmentsDto"];
            };
        };
        responses: {
            /** @description The assignments as the other account now holds them */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpAssignmentResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpAssignmentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpAssignmentResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpAssignmentsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The removed assignment, kept in the history */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpAssignmentResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    IpAssignmentsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateIpAssignmentDto"];
            };
        };
        responses: {
            /** @description After a move, the new assignment (the old one stays in the history) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpAssignmentResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RadiusController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see RadiusAccountFilterDto */
                filter?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RadiusAccountResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RadiusController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRadiusAccountDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RadiusAccountResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RadiusController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RadiusAccountResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RadiusController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted RADIUS account; one that still holds addresses is refused */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RadiusAccountResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RadiusController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRadiusAccountDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RadiusAccountResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RadiusController_listNas: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see NasDeviceFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NasDeviceResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RadiusController_createNas: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateNasDeviceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NasDeviceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RadiusController_getNas: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NasDeviceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RadiusController_deleteNas: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NasDeviceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    RadiusController_updateNas: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateNasDeviceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NasDeviceResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_listManufacturers: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see CatalogFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManufacturerResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_createManufacturer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManufacturerDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManufacturerResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_getManufacturer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManufacturerResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_deleteManufacturer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManufacturerResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_updateManufacturer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ManufacturerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManufacturerResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_listModels: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see CatalogFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_createModel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateModelDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_getModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_deleteModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_updateModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateModelDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_listLocations: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see CatalogFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockLocationResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_createLocation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StockLocationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockLocationResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_getLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockLocationResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_deleteLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockLocationResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_updateLocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StockLocationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockLocationResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_listItems: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see ItemFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_createItem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateItemDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_getItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_updateItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateItemDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_changeAssignee: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemAssigneeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_assignToAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignItemDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_connectedDevices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectedDeviceResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    InventoryController_reportConnectedDevice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConnectedDeviceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectedDeviceResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.manage */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    DhcpController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see DhcpServerFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DhcpServerResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    DhcpController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDhcpServerDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DhcpServerResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    DhcpController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DhcpServerResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    DhcpController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted server; one still serving subnets is refused */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DhcpServerResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    DhcpController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDhcpServerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DhcpServerResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AddressListsController_list: {
        parameters: {
            query?: {
                /** @description JSON ["field","ASC"|"DESC"] */
                sort?: unknown;
                /** @description JSON [start,end], inclusive, zero-based */
                range?: unknown;
                /** @description JSON object, see AddressListFilterDto */
                filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressListResponseDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AddressListsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAddressListDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressListCreatedDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AddressListsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressListResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AddressListsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressListResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AddressListsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAddressListDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressListResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AddressListsController_rotateKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FetchKeyDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.configure */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AddressListsController_preview: {
        parameters: {
            query?: {
                /** @description plain: one entry per line; routeros: a script for /import */
                format?: "plain" | "routeros";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list as a router would get it now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AddressListsController_fetch: {
        parameters: {
            query?: {
                /** @description plain: one entry per line; routeros: a script for /import */
                format?: "plain" | "routeros";
            };
            header: {
                /** @description The ETag of the last answer: 304 while the list is unchanged */
                "If-None-Match"?: string;
                /** @description Bearer <the list’s fetch key> */
                Authorization: string;
            };
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsageController_periods: {
        parameters: {
            query?: {
                /** @description How many periods back from the current one */
                periods?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsagePeriodDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    UsageController_hours: {
        parameters: {
            query: {
                /** @description From this instant (inclusive) */
                from: string;
                /** @description To this instant (exclusive); at most 93 days after from */
                to: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageHourDto"][];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs network.read */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such record */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SessionsController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            /** @description Invalid input; details name each field and rule */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Email or password is wrong (the same answer for an unknown email) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Too many recent failures from this address or for this email; try again after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before the next try */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SessionsController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session is over and its cookie cleared */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    SessionsController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponseDto"];
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {status, checks: {database, temporal}} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A body was sent and it is not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A dependency is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MetricsController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics in Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description No valid session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs system.metrics */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    receiveStripeWebhook: {
        parameters: {
            query?: never;
            header: {
                "Stripe-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Stored (or a repeat of an event already stored) and queued for processing */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        received: true;
                        eventId: string;
                        /** @description The event id had been received before; nothing new was stored */
                        duplicate: boolean;
                    };
                };
            };
            /** @description Missing, wrong or stale signature, or a body that is not an event; nothing is stored */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unexpected failure; the body carries a request id to quote */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
}
