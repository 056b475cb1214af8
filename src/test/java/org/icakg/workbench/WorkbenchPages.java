package org.icakg.workbench;

/**
 * The workbench's page records, named for {@code web/TemplateModelsTest} (they are not visible outside this
 * package), which checks each page template against its record.
 */
public final class WorkbenchPages {

    public static final Class<?> HOME = SourcesController.Home.class;
    public static final Class<?> SOURCE = SourcesController.SourcePage.class;
    public static final Class<?> REGISTRATION = SourcesController.RegistrationPage.class;
    public static final Class<?> PASSAGE = StatementsController.PassagePage.class;
    public static final Class<?> STATEMENTS = StatementsController.FormPage.class;
    public static final Class<?> CHANGE = ChangesController.Page.class;

    private WorkbenchPages() {}
}
