/* v21-field-binding.h — a widget that shows and edits one field of a record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_FIELD_BINDING (v21_field_binding_get_type ())
G_DECLARE_FINAL_TYPE (V21FieldBinding, v21_field_binding, V21, FIELD_BINDING, GObject)

/* Keeps a widget and a field of a record in step, both ways: the field's value
 * shows in the widget (and follows undo, redo and other edits), and what the
 * user enters goes to the workshop through v21_workshop_set(), validated and
 * undoable. Typing is set at each pause, at Enter and when the focus leaves,
 * so a burst of typing is one undo step. A refused value marks the widget
 * with the "error" style and says why in a toast; leaving the field then puts
 * the stored value back.
 *
 * The widget may be a GtkEditable (GtkEntry, AdwEntryRow…) or a GtkTextView
 * for text, a GtkSpinButton for a number, an AdwComboRow for an enumeration
 * (see v21_field_binding_set_choices()), a GtkSwitch or GtkCheckButton for a
 * boolean. @field may name a field of a nested object: "territory.name".
 * The widget owns the binding. */
V21FieldBinding *v21_field_binding_new          (GtkWidget       *widget,
                                                 V21Workshop     *workshop,
                                                 const char      *field);
void             v21_field_binding_set_record   (V21FieldBinding *self,
                                                 V21Record       *record);
V21Record       *v21_field_binding_get_record   (V21FieldBinding *self);

/* An AdwComboRow lists @labels (translated) for @values (NULL-terminated);
 * a NULL value means JSON null. */
void             v21_field_binding_set_choices  (V21FieldBinding    *self,
                                                 const char * const *values,
                                                 const char * const *labels);
/* The choices of an enumeration of the file format (see v21_label()). */
void             v21_field_binding_set_enum_choices   (V21FieldBinding *self,
                                                       const char      *domain);
/* The records of @collection as choices, after @none (for null): each shown
 * as "CODE — title" or by its name. */
void             v21_field_binding_set_record_choices (V21FieldBinding *self,
                                                       const char      *collection,
                                                       const char      *none);
/* A spin button at 0 stands for null (an unknown population, no year). */
void             v21_field_binding_set_zero_is_null (V21FieldBinding *self,
                                                     gboolean         zero_is_null);

/* How the value is stored, when v21_workshop_set() is not the way (the run
 * sheet's durations move the start times too). @value is stolen. */
typedef gboolean (*V21FieldCommit) (V21Workshop  *workshop,
                                    V21Record    *record,
                                    json_object  *value,
                                    gpointer      data,
                                    GError      **error);
void             v21_field_binding_set_commit_func (V21FieldBinding *self,
                                                    V21FieldCommit   func,
                                                    gpointer         data);

/* Bindings that edit one record together (a details pane): a new binding
 * added to @group (a GPtrArray), and the record they all show. */
V21FieldBinding *v21_field_binding_new_in       (GPtrArray       *group,
                                                 gpointer         widget,
                                                 V21Workshop     *workshop,
                                                 const char      *field);
void             v21_field_bindings_set_record  (GPtrArray       *group,
                                                 V21Record       *record);

/* Sets what is typed but not yet set, in every binding: before saving. */
void             v21_field_binding_flush_all    (void);

/* How many times any binding re-read its field from the model (tests). */
guint _v21_field_binding_get_n_reads (void);

G_END_DECLS
