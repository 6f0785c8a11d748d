#include "PortalLogging.h"

Q_LOGGING_CATEGORY(lcPortal, "tokendesk.portal", QtInfoMsg)
