/* fuzz-command-line.c: any argument list, parsed with the app's own
 * option table the way GApplication does, then checked. The input is
 * the arguments separated by NUL bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "app/ldn-command-line.h"
#include "fuzz-target.h"

#define MAX_ARGS 32

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  return 0;
}

/* GApplication stores each option in a slot of its type, then puts the
 * given ones in a GVariantDict; this does the same. */
typedef union {
  gboolean  flag;
  char     *string;
} Slot;

static void
fill_dict (const GOptionEntry *entries,
           Slot               *slots,
           GVariantDict       *dict)
{
  for (guint i = 0; entries[i].long_name != NULL; i++)
    {
      const char *name = entries[i].long_name;

      if (entries[i].arg == G_OPTION_ARG_NONE && slots[i].flag)
        g_variant_dict_insert (dict, name, "b", TRUE);
      else if (entries[i].arg == G_OPTION_ARG_STRING && slots[i].string != NULL)
        g_variant_dict_insert (dict, name, "s", slots[i].string);
      else if (entries[i].arg == G_OPTION_ARG_FILENAME && slots[i].string != NULL)
        g_variant_dict_insert (dict, name, "^ay", slots[i].string);
    }
}

static GPtrArray *
split_arguments (const uint8_t *data,
                 size_t         size)
{
  GPtrArray *args = g_ptr_array_new_with_free_func (g_free);
  size_t start = 0;

  g_ptr_array_add (args, g_strdup ("ldn-guide"));
  for (size_t i = 0; i <= size && args->len < MAX_ARGS; i++)
    if (i == size || data[i] == '\0')
      {
        g_ptr_array_add (args, g_strndup ((const char *) data + start, i - start));
        start = i + 1;
      }
  return args;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const GOptionEntry *entries = ldn_command_line_option_entries ();
  g_autoptr(GPtrArray) args = split_arguments (data, size);
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GVariantDict) dict = g_variant_dict_new (NULL);
  g_autofree GOptionEntry *parsed = NULL;
  g_autofree Slot *slots = NULL;
  g_autofree char **argv = NULL;
  LdnCommandLineOptions options = { NULL };
  g_autoptr(GError) error = NULL;
  guint n_entries = 0;
  int argc = args->len;

  while (entries[n_entries].long_name != NULL)
    n_entries++;
  parsed = g_new0 (GOptionEntry, n_entries + 1);
  slots = g_new0 (Slot, n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      parsed[i] = entries[i];
      parsed[i].arg_data = &slots[i];
    }

  /* Parsing reorders argv; the strings stay owned by ARGS. */
  argv = g_new0 (char *, args->len + 1);
  memcpy (argv, args->pdata, args->len * sizeof (char *));
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, parsed, NULL);
  if (g_option_context_parse (context, &argc, &argv, &error))
    {
      fill_dict (entries, slots, dict);
      ldn_command_line_options_from_dict (dict, &options);
      if (!ldn_command_line_check (&options, &error))
        g_assert_true (error->domain == LDN_COMMAND_LINE_ERROR);
    }

  for (guint i = 0; i < n_entries; i++)
    if (entries[i].arg != G_OPTION_ARG_NONE)
      g_free (slots[i].string);
  return 0;
}
