/* v21-name-matcher.c — where people's names, e-mails and phone numbers are in a text
 *
 * A text is cut into tokens (runs of letters and digits) kept as byte ranges
 * of the original and as folded words (NFKD, no accents, case folded,
 * ligatures opened), so that a span found on the folded words is replaced in
 * the original bytes. Each person gives a set of forms (sequences of folded
 * words) with the rule that says when a form counts as a name; titles and
 * initials are prefixes tried before the surname forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-name-matcher"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-name-matcher.h"

typedef enum
{
  FORM_FULL,      /* first name and surname, either order: any case */
  FORM_MULTI,     /* several words (a surname with particles, a compound
                   * first name): a capital letter where the name starts */
  FORM_SINGLE,    /* one word: only where written as a name */
} FormKind;

typedef struct
{
  GStrv    words;
  guint    n;
  FormKind kind;
  gboolean surname;   /* a form of the surname: may follow a title or initials */
  gboolean part;      /* a part of a compound surname: "Dupont" of Dupont-Aignan */
  guint    person;
} Form;

typedef struct
{
  char     *label;    /* NULL: may be named, protects its words */
  char     *initials; /* folded first letters of the first names: "jp" */
  guint     count;
} Person;

struct _V21NameMatcher
{
  GPtrArray  *people;     /* Person */
  GPtrArray  *forms;      /* Form */
  GHashTable *by_first;   /* first folded word → GPtrArray of Form */
  GHashTable *common;     /* folded words known as ordinary words */
  GRegex     *email;
  GRegex     *phone;
  char       *shared_label;
  guint       n_emails;
  guint       n_phones;
  guint       n_shared;
};

typedef struct
{
  gsize    start;
  gsize    end;
  char    *folded;
  gboolean upper;      /* starts with a capital letter */
  gboolean all_upper;  /* two letters or more, all capitals */
  guint    letters;
} Token;

/* Surnames and first names that are also ordinary French words: written at
 * the start of a sentence they are the word. */
static const char * const common_words[] = {
  "le", "la", "les", "de", "du", "des", "un", "une", "et", "ou", "en", "au", "aux",
  "petit", "petite", "grand", "grande", "blanc", "blanche", "noir", "noire", "vert", "verte",
  "rouge", "roux", "rousse", "brun", "brune", "gris", "bleu", "marchand", "boucher",
  "boulanger", "meunier", "berger", "mercier", "fontaine", "riviere", "roche", "bois",
  "large", "fort", "leger", "bon", "bonne", "beau", "belle", "jeune", "vieux", "doux",
  "franc", "sage", "page", "chene", "moulin", "champ", "champs", "pont", "mur", "porte",
  "prince", "roi", "comte", "duc", "baron", "loup", "renard", "mouton", "coq", "pigeon",
  "merle", "pinson", "faucon", "vigne", "poirier", "noyer", "laine", "soleil", "lune",
  "mars", "mai", "juin", "nord", "sud", "est", "ouest", "bien", "pierre", "claire", "rose",
  "marine", "olive", "france", "prune", "fleur", "reine", "aime", "aimee", "constant",
  "clement", "clemence", "prudence", "patience", "constance", "pascal", "lion", "masse",
  "martel", "charpentier", "couturier", "tisserand", "pasteur", "sergent", "chevalier",
  "lemaire", "maire", "maitre", "bailly", "lac", "val", "mont", "cote", "plaine", "foret",
  NULL
};

static const char * const particles[] = {
  "de", "du", "des", "d", "la", "le", "les", "l", "van", "von", "der", "den", "ten", "ter",
  "ben", "ibn", "bin", "bint", "al", "el", "da", "dos", "das", "do", "di", "del", "della",
  "y", "zu", NULL
};

static const char * const titles[] = {
  "m", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "pr", "me", "mgr", "maitre",
  "monsieur", "madame", "mademoiselle", "docteur", "professeur", "monseigneur", NULL
};

/* Folding */

static char *
fold (const char *text,
      gssize      length)
{
  g_autofree char *decomposed = g_utf8_normalize (text, length, G_NORMALIZE_NFKD);
  g_autoptr(GString) bare = g_string_new (NULL);

  for (const char *p = decomposed != NULL ? decomposed : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x0153 || c == 0x0152)
        g_string_append (bare, "oe");
      else if (c == 0x00e6 || c == 0x00c6)
        g_string_append (bare, "ae");
      else if (c == 0x00f8 || c == 0x00d8)
        g_string_append_c (bare, 'o');
      else if (c == 0x0142 || c == 0x0141)
        g_string_append_c (bare, 'l');
      else
        g_string_append_unichar (bare, c);
    }
  return g_utf8_casefold (bare->str, -1);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static void
token_clear (gpointer data)
{
  g_free (((Token *) data)->folded);
}

static void
token_fill (Token      *token,
            const char *text)
{
  const char *start = text + token->start, *end = text + token->end;
  guint uppers = 0;

  token->folded = fold (start, end - start);
  token->upper = g_unichar_isupper (g_utf8_get_char (start)) || g_unichar_istitle (g_utf8_get_char (start));
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        token->letters++;
      if (g_unichar_isupper (c))
        uppers++;
    }
  token->all_upper = token->letters >= 2 && uppers == token->letters;
}

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *start = NULL;

  g_array_set_clear_func (tokens, token_clear);
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gboolean word = *p != '\0' && is_word_char (g_utf8_get_char (p));

      if (word && start == NULL)
        start = p;
      else if (!word && start != NULL)
        {
          Token token = { start - text, p - text, NULL, FALSE, FALSE, 0 };

          token_fill (&token, text);
          g_array_append_val (tokens, token);
          start = NULL;
        }
      if (*p == '\0')
        break;
    }
  return tokens;
}

/* Separators */

typedef enum
{
  GAP_NAME,     /* inside a name: spaces, one hyphen or apostrophe */
  GAP_FULL,     /* between first name and surname: also a dot or "_" ("rui.dalmeida") */
  GAP_PREFIX,   /* after a title or an initial: spaces, a dot, a hyphen */
} GapKind;

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == 0x00a0 || c == 0x202f || c == 0x2009 || c == '\t';
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02bc || c == 0x0060 || c == 0x00b4 || c == 0x2032;
}

static gboolean
gap_is (const char *text,
        gsize       from,
        gsize       to,
        GapKind     kind)
{
  guint marks = 0, chars = 0;

  if (to <= from)
    return FALSE;
  for (const char *p = text + from; p < text + to; p = g_utf8_next_char (p), chars++)
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c))
        continue;
      marks++;
      if (is_hyphen (c) || (kind == GAP_NAME && is_apostrophe (c)) || (kind == GAP_FULL && is_apostrophe (c)))
        continue;
      if ((kind == GAP_FULL || kind == GAP_PREFIX) && c == '.')
        continue;
      if (kind == GAP_FULL && c == '_')
        continue;
      return FALSE;
    }
  return chars <= 4 && marks <= (kind == GAP_PREFIX ? 2u : 1u);
}

/* One hyphen or apostrophe, nothing else: the two words are one compound. */
static gboolean
gap_glues (const char *text,
           gsize       from,
           gsize       to)
{
  const char *p = text + from;
  gunichar c;

  if (to <= from)
    return FALSE;
  c = g_utf8_get_char (p);
  return g_utf8_next_char (p) == text + to && (is_hyphen (c) || is_apostrophe (c));
}

static gboolean
gap_ends_sentence (const char *text,
                   gsize       from,
                   gsize       to)
{
  for (const char *p = text + from; p < text + to; p = g_utf8_next_char (p))
    if (strchr (".!?:;\n\r([\"", *p) != NULL
        || g_utf8_get_char (p) == 0x2026 || g_utf8_get_char (p) == 0x00ab
        || g_utf8_get_char (p) == 0x201c || g_utf8_get_char (p) == 0x2022)
      return TRUE;
  return FALSE;
}

/* The matcher */

static void
form_free (Form *form)
{
  g_strfreev (form->words);
  g_free (form);
}

static void
person_free (Person *person)
{
  g_free (person->label);
  g_free (person->initials);
  g_free (person);
}

V21NameMatcher *
v21_name_matcher_new (void)
{
  V21NameMatcher *matcher = g_new0 (V21NameMatcher, 1);
  /* Spaces as people type them, no-break ones included. */
#define S "[\\s\\x{a0}\\x{202f}]"
  /* A dot between the parts of a domain: bare, or with spaces on both sides
   * ("ferme . example"); a dot then a space is the end of a sentence
   * ("coop.example. Le bocage…"), never part of the address. */
#define DOT "\\.|" S "+\\." S "+|" S "*[([{<]" S "*(?:dot|point)" S "*[)\\]}>]" S "*|" S "+(?:dot|point)" S "+"
  const char *email =
    "(?<![\\p{L}\\p{N}_%+.-])[\\p{L}\\p{N}_%+-]+(?:(?:\\.|" S "+\\." S "+)[\\p{L}\\p{N}_%+-]+)*"
    "(?:" S "*(?:@|\\x{ff20}|[([{<]" S "*(?:at|arobase|@|a)" S "*[)\\]}>])" S "*|" S "+(?:at|arobase)" S "+)"
    "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
    "(?:(?:" DOT ")"
    "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*"
    "(?:" DOT ")"
    "\\p{L}{2,}(?![\\p{L}\\p{N}_-])";
  const char *phone =
    "(?<![\\p{N}+])(?:(?:(?:\\+|00)" S "?33" S "?(?:\\(0\\)" S "?)?|0)[1-9](?:[\\s\\x{a0}\\x{202f}.-]?[0-9]{2}){4}"
    "|\\+[1-9][0-9]{0,2}(?:[\\s\\x{a0}\\x{202f}.-]?\\(?[0-9]{1,4}\\)?){2,6})(?![0-9])";
#undef S
#undef DOT

  matcher->people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  matcher->forms = g_ptr_array_new_with_free_func ((GDestroyNotify) form_free);
  matcher->by_first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  matcher->common = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; common_words[i] != NULL; i++)
    g_hash_table_add (matcher->common, g_strdup (common_words[i]));
  /* Without G_REGEX_OPTIMIZE: its compiled code would upset valgrind for no gain here. */
  matcher->email = g_regex_new (email, G_REGEX_CASELESS, 0, NULL);
  matcher->phone = g_regex_new (phone, 0, 0, NULL);
  g_assert (matcher->email != NULL && matcher->phone != NULL);
  /* Translators: in anonymised exports, a name two participants share. */
  matcher->shared_label = g_strdup (_("a participant"));
  return matcher;
}

void
v21_name_matcher_free (V21NameMatcher *matcher)
{
  if (matcher == NULL)
    return;
  g_ptr_array_unref (matcher->people);
  g_ptr_array_unref (matcher->forms);
  g_hash_table_unref (matcher->by_first);
  g_hash_table_unref (matcher->common);
  g_regex_unref (matcher->email);
  g_regex_unref (matcher->phone);
  g_free (matcher->shared_label);
  g_free (matcher);
}

void
v21_name_matcher_set_shared_label (V21NameMatcher *matcher,
                                   const char     *label)
{
  g_return_if_fail (matcher != NULL && label != NULL);
  g_free (matcher->shared_label);
  matcher->shared_label = g_strdup (label);
}

static gboolean
same_form (Form  *form,
           GStrv  words,
           guint  person)
{
  return form->person == person && g_strv_equal ((const char * const *) form->words, (const char * const *) words);
}

static void
add_form (V21NameMatcher *matcher,
          GStrv           words,
          FormKind        kind,
          gboolean        surname,
          gboolean        part,
          guint           person)
{
  Person *who = g_ptr_array_index (matcher->people, person);
  guint n = g_strv_length (words);
  GPtrArray *list;
  Form *form;

  /* One letter is never a name; a person who may be named protects only
   * forms of several words (a single word may be someone else's too). */
  if (n == 0 || (n == 1 && (g_utf8_strlen (words[0], -1) < 2 || who->label == NULL)))
    {
      g_strfreev (words);
      return;
    }
  if (n == 1)
    kind = FORM_SINGLE;
  list = g_hash_table_lookup (matcher->by_first, words[0]);
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (same_form (g_ptr_array_index (list, i), words, person))
      {
        Form *other = g_ptr_array_index (list, i);

        other->surname = other->surname || surname;
        other->part = other->part && part;
        other->kind = MIN (other->kind, kind);
        g_strfreev (words);
        return;
      }
  form = g_new0 (Form, 1);
  form->words = words;
  form->n = n;
  form->kind = kind;
  form->surname = surname;
  form->part = part;
  form->person = person;
  g_ptr_array_add (matcher->forms, form);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (matcher->by_first, g_strdup (words[0]), list);
    }
  g_ptr_array_add (list, form);
}

/* People */

/* The folded words of a name, and for each word whether an apostrophe joins
 * it to the one before ("N’Diaye"). */
typedef struct
{
  GPtrArray *words;     /* char * */
  GArray    *elided;    /* gboolean */
} Words;

static void
words_clear (Words *words)
{
  g_clear_pointer (&words->words, g_ptr_array_unref);
  g_clear_pointer (&words->elided, g_array_unref);
}

static void
words_init (Words *words)
{
  words->words = g_ptr_array_new_with_free_func (g_free);
  words->elided = g_array_new (FALSE, FALSE, sizeof (gboolean));
}

static void
words_append_text (Words      *words,
                   const char *text)
{
  g_autoptr(GArray) tokens = tokenize (text);

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);
      gboolean elided = FALSE;

      if (i > 0)
        {
          const char *gap = text + g_array_index (tokens, Token, i - 1).end;

          elided = gap_glues (text, gap - text, token->start) && is_apostrophe (g_utf8_get_char (gap));
        }
      g_ptr_array_add (words->words, g_strdup (token->folded));
      g_array_append_val (words->elided, elided);
    }
}

static GStrv
strv_of (Words *words,
         guint  from,
         guint  to,
         gboolean glue)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) glued = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      g_string_append (glued, g_ptr_array_index (words->words, i));
      if (glue && i + 1 < to && g_array_index (words->elided, gboolean, i + 1))
        continue;
      g_strv_builder_add (builder, glued->str);
      g_string_truncate (glued, 0);
    }
  return g_strv_builder_end (builder);
}

static GStrv
strv_concat (GStrv a,
             GStrv b)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_addv (builder, (const char **) a);
  g_strv_builder_addv (builder, (const char **) b);
  return g_strv_builder_end (builder);
}

static gboolean
is_particle (const char *folded)
{
  return g_strv_contains (particles, folded);
}

static gboolean
word_all_upper (const char *word)
{
  g_autoptr(GArray) tokens = tokenize (word);
  guint letters = 0;

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);

      if (!token->all_upper && token->letters > 1)
        return FALSE;
      letters += token->letters;
    }
  return letters >= 2;
}

/* A particle ("de", "La"), or a word that starts with one glued to it:
 * "d'Estienne", "d’Orves", "al-Hassan". */
static gboolean
word_is_particle (const char *word)
{
  g_autoptr(GArray) tokens = tokenize (word);
  Token *first;

  if (tokens->len == 0)
    return FALSE;
  first = &g_array_index (tokens, Token, 0);
  if (!is_particle (first->folded))
    return FALSE;
  return tokens->len == 1 || gap_glues (word, first->end, g_array_index (tokens, Token, 1).start);
}

/* A compound whose last part is a particle: "Dubois-Le" of "Anne Dubois-Le
 * Gall" begins the surname. */
static gboolean
word_ends_with_particle (const char *word)
{
  g_autoptr(GArray) tokens = tokenize (word);
  Token *last;

  if (tokens->len < 2)
    return FALSE;
  last = &g_array_index (tokens, Token, tokens->len - 1);
  return is_particle (last->folded)
         && gap_glues (word, g_array_index (tokens, Token, tokens->len - 2).end, last->start);
}

/* Splits the words of a name into first names and surname: the words in
 * capitals when some are ("DUPONT Marie"), else from the first particle
 * that is not the last word ("Jean de La Fontaine", not "Thi Lê"), else
 * the last word. */
static guint
split_name (GStrv     parts,
            gboolean *surname)
{
  guint n = g_strv_length (parts), n_upper = 0, start = n > 0 ? n - 1 : 0;

  for (guint i = 0; i < n; i++)
    n_upper += surname[i] = word_all_upper (parts[i]);
  if (n_upper > 0 && n_upper < n)
    {
      for (guint i = n - 1; i > 0; i--)
        if (surname[i] && !surname[i - 1] && word_is_particle (parts[i - 1]))
          surname[i - 1] = TRUE;
      return n;
    }
  for (guint i = 1; i + 1 < n; i++)
    if (word_is_particle (parts[i]) || word_ends_with_particle (parts[i]))
      {
        start = i;
        break;
      }
  for (guint i = 0; i < n; i++)
    surname[i] = i >= start;
  return n;
}

static void
add_surname_forms (V21NameMatcher *matcher,
                   Words          *surname,
                   GPtrArray      *variants,
                   guint          *n_whole,
                   guint           person)
{
  guint n = surname->words->len, lead = 0;

  *n_whole = 0;
  while (lead + 1 < n && is_particle (g_ptr_array_index (surname->words, lead)))
    lead++;
  if (n == 0)
    return;
  g_ptr_array_add (variants, strv_of (surname, 0, n, FALSE));
  g_ptr_array_add (variants, strv_of (surname, 0, n, TRUE));
  for (guint i = 1; i <= lead; i++)
    g_ptr_array_add (variants, strv_of (surname, i, n, FALSE));
  g_ptr_array_add (variants, strv_of (surname, lead, n, TRUE));
  *n_whole = variants->len;
  /* Parts of a compound: "Dupont", "Aignan"; "Silva" of "Martins da Silva". */
  for (guint i = lead; n - lead > 1 && i < n; i++)
    if (!is_particle (g_ptr_array_index (surname->words, i)))
      {
        g_ptr_array_add (variants, strv_of (surname, i, i + 1, FALSE));
        if (i > lead && is_particle (g_ptr_array_index (surname->words, i - 1)))
          g_ptr_array_add (variants, strv_of (surname, i - 1, n, FALSE));
      }
  for (guint i = 0; i < variants->len; i++)
    add_form (matcher, g_strdupv (g_ptr_array_index (variants, i)), FORM_MULTI, TRUE, i >= *n_whole, person);
}

static void
add_given_forms (V21NameMatcher *matcher,
                 GStrv           given_words,
                 GPtrArray      *given,
                 guint           person)
{
  g_autoptr(GStrvBuilder) all = g_strv_builder_new ();

  for (guint i = 0; given_words[i] != NULL; i++)
    {
      Words words;

      words_init (&words);
      words_append_text (&words, given_words[i]);
      for (guint w = 0; w < words.words->len; w++)
        g_strv_builder_add (all, g_ptr_array_index (words.words, w));
      g_ptr_array_add (given, strv_of (&words, 0, words.words->len, FALSE));
      words_clear (&words);
    }
  g_ptr_array_insert (given, 0, g_strv_builder_end (all));
  for (guint i = 0; i < given->len; i++)
    add_form (matcher, g_strdupv (g_ptr_array_index (given, i)), FORM_MULTI, FALSE, FALSE, person);
}

static char *
initials_of (GStrv given)
{
  GString *initials = g_string_new (NULL);

  for (guint i = 0; given != NULL && given[i] != NULL; i++)
    g_string_append_unichar (initials, g_utf8_get_char (given[i]));
  return g_string_free (initials, FALSE);
}

/* The words of a name between its spaces, no-break ones included (split by
 * characters: g_strsplit_set() would cut "à", whose UTF-8 holds the no-break
 * space's second byte). */
static GStrv
split_at_spaces (const char *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *start = name;

  for (const char *p = name;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (*p != '\0' && !g_unichar_isspace (c) && !is_space (c))
        continue;
      {
        g_autofree char *word = g_strndup (start, p - start);

        g_strv_builder_add (builder, word);
      }
      if (*p == '\0')
        break;
      start = g_utf8_next_char (p);
    }
  return g_strv_builder_end (builder);
}

/* The forms of a name cut into first names and surname by @surname_flags. */
static void
add_split (V21NameMatcher *matcher,
           guint           index,
           GStrv           parts,
           gboolean       *surname_flags)
{
  g_autoptr(GStrvBuilder) given_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) surname_builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) variants = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) given = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) given_words = NULL;
  g_auto(GStrv) surname_words = NULL;
  Person *person = g_ptr_array_index (matcher->people, index);
  Words surname;
  guint n_whole = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    g_strv_builder_add (surname_flags[i] ? surname_builder : given_builder, parts[i]);
  given_words = g_strv_builder_end (given_builder);
  surname_words = g_strv_builder_end (surname_builder);
  words_init (&surname);
  for (guint i = 0; surname_words[i] != NULL; i++)
    words_append_text (&surname, surname_words[i]);
  add_surname_forms (matcher, &surname, variants, &n_whole, index);
  add_given_forms (matcher, given_words, given, index);
  if (person->initials == NULL)
    person->initials = initials_of (g_ptr_array_index (given, 0));
  for (guint v = 0; v < variants->len; v++)
    for (guint g = 0; g < given->len && g < 2; g++)
      {
        GStrv first = g_ptr_array_index (given, g), last = g_ptr_array_index (variants, v);

        if (first[0] == NULL)
          continue;
        add_form (matcher, strv_concat (first, last), FORM_FULL, FALSE, v >= n_whole, index);
        add_form (matcher, strv_concat (last, first), FORM_FULL, FALSE, v >= n_whole, index);
      }
  words_clear (&surname);
}

guint
v21_name_matcher_add (V21NameMatcher *matcher,
                      const char     *name,
                      const char     *label)
{
  g_auto(GStrv) parts = NULL;
  g_autofree gboolean *surname_flags = NULL;
  Person *person;
  guint index = matcher->people->len, n = 0, start;

  g_return_val_if_fail (name == NULL || g_utf8_validate (name, -1, NULL), index);
  person = g_new0 (Person, 1);
  person->label = g_strdup (label);
  g_ptr_array_add (matcher->people, person);
  parts = split_at_spaces (name != NULL ? name : "");
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      parts[n++] = parts[i];
    else
      g_free (parts[i]);
  parts[n] = NULL;
  surname_flags = g_new0 (gboolean, n + 1);
  split_name (parts, surname_flags);
  add_split (matcher, index, parts, surname_flags);
  /* "Ana Martins da Silva": the word before the particle may be the
   * surname's ("Martins da Silva") as well as a first name; both cuts. */
  for (start = 0; start < n && !surname_flags[start]; start++)
    ;
  if (start >= 2 && start < n && word_is_particle (parts[start]))
    {
      surname_flags[start - 1] = TRUE;
      add_split (matcher, index, parts, surname_flags);
    }
  return index;
}

/* Finding */

typedef struct
{
  V21NameMatcher *matcher;
  const char     *text;
  GArray         *tokens;   /* Token */
  gboolean       *blocked;  /* tokens inside an e-mail or a phone number */
} Scan;

typedef struct
{
  guint    from;        /* tokens [from, to) */
  guint    to;
  int      person;      /* -1: shared by several people */
  gboolean protected;   /* a name that may be given: left as it is */
  gboolean part;        /* only a part of a compound surname */
} Hit;

static Token *
token_at (Scan  *scan,
          guint  k)
{
  return &g_array_index (scan->tokens, Token, k);
}

static gboolean
sentence_start (Scan  *scan,
                guint  k)
{
  return k == 0 || gap_ends_sentence (scan->text, token_at (scan, k - 1)->end, token_at (scan, k)->start);
}

static gboolean
between (Scan    *scan,
         guint    k,
         GapKind  kind)
{
  return gap_is (scan->text, token_at (scan, k - 1)->end, token_at (scan, k)->start, kind);
}

/* Short, a particle, a title or a common word: not a name by itself at the
 * start of a sentence. */
static gboolean
is_ordinary (V21NameMatcher *matcher,
             const char     *folded)
{
  return g_utf8_strlen (folded, -1) < 4 || is_particle (folded) || g_strv_contains (titles, folded)
         || g_hash_table_contains (matcher->common, folded);
}

static gboolean
words_at (Scan  *scan,
          Form  *form,
          guint  k)
{
  if (k + form->n > scan->tokens->len)
    return FALSE;
  for (guint i = 0; i < form->n; i++)
    {
      if (scan->blocked[k + i] || strcmp (token_at (scan, k + i)->folded, form->words[i]) != 0)
        return FALSE;
      if (i > 0 && !between (scan, k + i, form->kind == FORM_FULL ? GAP_FULL : GAP_NAME))
        return FALSE;
    }
  return TRUE;
}

/* A lower-case word elided before another by an apostrophe: "d’OConnor",
 * "l’Aignan" are "de OConnor", "le Aignan", not a compound. */
static gboolean
is_elision (Scan  *scan,
            guint  k)
{
  static const char * const elided[] = { "d", "l", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", NULL };
  Token *token = token_at (scan, k);

  return !token->upper && g_strv_contains (elided, token->folded)
         && k + 1 < scan->tokens->len && is_apostrophe (g_utf8_get_char (scan->text + token->end));
}

static gboolean is_title (Scan *scan, guint k);

/* The end of another name with particles: "Berg" of "Van den Berg", "la
 * Fontaine" of "Parc de la Fontaine" — a particle after a capitalised word
 * (not a title or an initial) or after another particle. */
static gboolean
after_other_particles (Scan  *scan,
                       guint  from)
{
  Token *particle, *head;

  if (from < 2)
    return FALSE;
  particle = token_at (scan, from - 1);
  head = token_at (scan, from - 2);
  if (!is_particle (particle->folded) || !between (scan, from, GAP_NAME) || !between (scan, from - 1, GAP_NAME))
    return FALSE;
  if (is_title (scan, from - 2) || head->letters == 1)
    return FALSE;
  return is_particle (head->folded) || (head->upper && !sentence_start (scan, from - 2));
}

/* Hyphenated or glued to a capitalised word after it: "Lê" of "Mme
 * Lê-Nguyen" is another name. */
static gboolean
compound_goes_on (Scan  *scan,
                  guint  to)
{
  return to < scan->tokens->len && token_at (scan, to)->upper
         && gap_glues (scan->text, token_at (scan, to - 1)->end, token_at (scan, to)->start);
}

/* A single word written as a name: a capital, not inside or beside another
 * capitalised name, at a sentence start only when not an ordinary word. */
static gboolean
stands_alone (Scan  *scan,
              guint  from,
              guint  to)
{
  Token *first = token_at (scan, from);

  /* Glued to a capitalised word or a particle: a compound ("Sainte-Marie",
   * "Vert-le-Petit"), not this name. */
  if (to < scan->tokens->len && is_particle (token_at (scan, to)->folded)
      && gap_glues (scan->text, token_at (scan, to - 1)->end, token_at (scan, to)->start))
    return FALSE;
  if (from > 0)
    {
      Token *before = token_at (scan, from - 1);

      if ((before->upper || is_particle (before->folded)) && gap_glues (scan->text, before->end, first->start)
          && !is_elision (scan, from - 1))
        return FALSE;
      if (before->upper && between (scan, from, GAP_NAME) && (!sentence_start (scan, from - 1) || before->all_upper))
        return FALSE;
    }
  if (after_other_particles (scan, from))
    return FALSE;
  /* "Le Blanc", "La Fontaine", "Van Berg": a capitalised particle makes
   * another surname of the word (this person's own particles are in their
   * forms of several words); "Les Dupont" is the family. */
  if (from > 0 && token_at (scan, from - 1)->upper && is_particle (token_at (scan, from - 1)->folded)
      && strcmp (token_at (scan, from - 1)->folded, "les") != 0 && between (scan, from, GAP_NAME))
    return FALSE;
  return to >= scan->tokens->len || !token_at (scan, to)->upper || !between (scan, to, GAP_NAME);
}

static gboolean
single_counts (Scan  *scan,
               guint  k)
{
  Token *token = token_at (scan, k);

  if (!token->upper || !stands_alone (scan, k, k + 1))
    return FALSE;
  return !sentence_start (scan, k) || !is_ordinary (scan->matcher, token->folded);
}

/* The first word of @form that is not a particle. */
static guint
core_of (Form *form)
{
  guint i = 0;

  while (i + 1 < form->n && is_particle (form->words[i]))
    i++;
  return i;
}

static gboolean
all_ordinary (Scan  *scan,
              Form  *form,
              guint  from)
{
  for (guint i = from; i < form->n; i++)
    if (!is_ordinary (scan->matcher, form->words[i]))
      return FALSE;
  return TRUE;
}

static gboolean
form_counts (Scan     *scan,
             Form     *form,
             guint     k,
             gboolean  prefixed)
{
  guint core = core_of (form);

  if (form->kind == FORM_FULL)
    {
      for (guint i = 0; i < form->n; i++)
        if (token_at (scan, k + i)->upper)
          return TRUE;
      return !all_ordinary (scan, form, 0);
    }
  if (!token_at (scan, k + core)->upper)
    return FALSE;
  if (prefixed)
    return !compound_goes_on (scan, k + form->n);
  if (form->kind == FORM_SINGLE)
    return single_counts (scan, k);
  if (!stands_alone (scan, k, k + form->n))
    return FALSE;
  /* At a sentence's start an ordinary word may just be capitalised, but not
   * one after particles: "La Fontaine a dit." writes a name. */
  return !sentence_start (scan, k) || core > 0 || !all_ordinary (scan, form, core);
}

static void
consider (Scan  *scan,
          Hit   *best,
          guint  from,
          guint  to,
          Form  *form)
{
  Person *person = g_ptr_array_index (scan->matcher->people, form->person);
  gboolean protected = person->label == NULL;

  if (to < best->to)
    return;
  if (to > best->to)
    {
      best->from = from;
      best->to = to;
      best->person = (int) form->person;
      best->protected = protected;
      best->part = form->part;
      return;
    }
  /* Equally long: privacy first, a whole surname before a part of one, else
   * a name two people share. */
  if (protected || (form->part && !best->part && !best->protected))
    return;
  if (best->protected || (best->part && !form->part))
    {
      best->person = (int) form->person;
      best->protected = FALSE;
      best->part = form->part;
    }
  else if (best->person != (int) form->person)
    best->person = -1;
}

/* Initials from @k: "J.", "J.-P.", "J P", "JP". Returns how many tokens. */
static guint
initials_at (Scan     *scan,
             guint     k,
             GString  *letters)
{
  guint n = 0;

  g_string_truncate (letters, 0);
  if (k < scan->tokens->len && token_at (scan, k)->all_upper && token_at (scan, k)->letters <= 3
      && token_at (scan, k)->letters == g_utf8_strlen (token_at (scan, k)->folded, -1))
    {
      g_string_append (letters, token_at (scan, k)->folded);
      return 1;
    }
  while (k + n < scan->tokens->len && token_at (scan, k + n)->letters == 1 && token_at (scan, k + n)->upper
         && g_utf8_strlen (token_at (scan, k + n)->folded, -1) == 1
         && (n == 0 || between (scan, k + n, GAP_PREFIX)))
    g_string_append (letters, token_at (scan, k + n++)->folded);
  return n;
}

static void
try_forms (Scan     *scan,
           Hit      *best,
           guint     from,
           guint     k,
           gboolean  prefixed,
           const char *initials)
{
  GPtrArray *list;

  if (k >= scan->tokens->len || scan->blocked[k])
    return;
  if (prefixed && !between (scan, k, GAP_PREFIX))
    return;
  list = g_hash_table_lookup (scan->matcher->by_first, token_at (scan, k)->folded);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      Form *form = g_ptr_array_index (list, i);
      Person *person = g_ptr_array_index (scan->matcher->people, form->person);

      if (prefixed && !form->surname && (initials != NULL || form->kind != FORM_FULL))
        continue;
      if (initials != NULL && !g_str_has_prefix (person->initials, initials))
        continue;
      if (words_at (scan, form, k) && form_counts (scan, form, k, prefixed))
        consider (scan, best, from, k + form->n, form);
    }
}

static gboolean
is_title (Scan  *scan,
          guint  k)
{
  Token *token = token_at (scan, k);

  if (!g_strv_contains (titles, token->folded))
    return FALSE;
  /* "me" and "m" are words too: titles only with their capital. */
  return token->upper || strlen (token->folded) > 2;
}

static Hit
hit_at (Scan  *scan,
        guint  k)
{
  Hit best = { k, k, -1, FALSE, FALSE };
  g_autoptr(GString) letters = g_string_new (NULL);
  guint n;

  if (scan->blocked[k])
    return best;
  try_forms (scan, &best, k, k, FALSE, NULL);
  if (is_title (scan, k))
    try_forms (scan, &best, k, k + 1, TRUE, NULL);
  /* Every run of the initials may end before the surname: in "A. N’Diaye"
   * the "N" is the surname's. */
  n = initials_at (scan, k, letters);
  for (guint m = n; m > 0; m--)
    {
      /* Fewer tokens than found: single letters, one character each. */
      if (m < n)
        g_string_truncate (letters, g_utf8_offset_to_pointer (letters->str, m) - letters->str);
      try_forms (scan, &best, k, k + m, TRUE, letters->str);
    }
  return best;
}

static GArray *
scan_hits (Scan *scan)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (Hit));

  for (guint k = 0; k < scan->tokens->len;)
    {
      Hit hit = hit_at (scan, k);

      if (hit.to > k)
        {
          g_array_append_val (hits, hit);
          k = hit.to;
        }
      else
        k++;
    }
  return hits;
}

static void
add_regex_spans (GRegex      *regex,
                 const char  *text,
                 V21SpanKind  kind,
                 GArray      *spans)
{
  g_autoptr(GMatchInfo) info = NULL;

  g_regex_match (regex, text, 0, &info);
  while (g_match_info_matches (info))
    {
      int start = 0, end = 0;
      guint digits = 0;

      g_match_info_fetch_pos (info, 0, &start, &end);
      for (int i = start; i < end; i++)
        digits += g_ascii_isdigit (text[i]);
      if (kind != V21_SPAN_PHONE || (digits >= 9 && digits <= 15))
        {
          V21NameSpan span = { start, end, kind, -1 };

          g_array_append_val (spans, span);
        }
      g_match_info_next (info, NULL);
    }
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const V21NameSpan *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start ? 1 : (x->end > y->end) - (x->end < y->end);
}

/* E-mails and phone numbers, without overlaps (the first, longest wins). */
static GArray *
contact_spans (V21NameMatcher *matcher,
               const char     *text)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (V21NameSpan));
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (V21NameSpan));

  add_regex_spans (matcher->email, text, V21_SPAN_EMAIL, found);
  add_regex_spans (matcher->phone, text, V21_SPAN_PHONE, found);
  g_array_sort (found, compare_spans);
  for (guint i = 0; i < found->len; i++)
    {
      V21NameSpan *span = &g_array_index (found, V21NameSpan, i);

      if (spans->len > 0 && span->start < g_array_index (spans, V21NameSpan, spans->len - 1).end)
        continue;
      g_array_append_val (spans, *span);
    }
  return spans;
}

static void
scan_init (Scan           *scan,
           V21NameMatcher *matcher,
           const char     *text,
           GArray         *contacts)
{
  scan->matcher = matcher;
  scan->text = text;
  scan->tokens = tokenize (text);
  scan->blocked = g_new0 (gboolean, scan->tokens->len + 1);
  for (guint k = 0, c = 0; k < scan->tokens->len && contacts != NULL; k++)
    {
      Token *token = token_at (scan, k);

      while (c < contacts->len && g_array_index (contacts, V21NameSpan, c).end <= token->start)
        c++;
      scan->blocked[k] = c < contacts->len && g_array_index (contacts, V21NameSpan, c).start < token->end;
    }
}

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->tokens, g_array_unref);
  g_clear_pointer (&scan->blocked, g_free);
}

GArray *
v21_name_matcher_find (V21NameMatcher *matcher,
                       const char     *text)
{
  g_autoptr(GArray) contacts = NULL;
  g_autoptr(GArray) hits = NULL;
  GArray *spans;
  Scan scan;

  g_return_val_if_fail (matcher != NULL, NULL);
  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), NULL);

  contacts = contact_spans (matcher, text);
  scan_init (&scan, matcher, text, contacts);
  hits = scan_hits (&scan);
  spans = g_array_copy (contacts);
  for (guint i = 0; i < hits->len; i++)
    {
      Hit *hit = &g_array_index (hits, Hit, i);
      V21NameSpan span = { token_at (&scan, hit->from)->start, token_at (&scan, hit->to - 1)->end,
                           V21_SPAN_NAME, hit->person };

      if (!hit->protected)
        g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_spans);
  scan_clear (&scan);
  return spans;
}

/* Learning: the lower-case words outside any name, e-mail or phone number
 * ("py.guillou@cc.example" does not make "guillou" a word). */
static void
learn_tokens (V21NameMatcher *matcher,
              Scan           *scan)
{
  g_autoptr(GArray) hits = scan_hits (scan);
  guint h = 0;

  for (guint k = 0; k < scan->tokens->len; k++)
    {
      Token *token = token_at (scan, k);

      while (h < hits->len && g_array_index (hits, Hit, h).to <= k)
        h++;
      if ((h < hits->len && g_array_index (hits, Hit, h).from <= k) || scan->blocked[k])
        continue;
      if (!token->upper && token->letters == g_utf8_strlen (token->folded, -1)
          && !g_hash_table_contains (matcher->common, token->folded))
        g_hash_table_add (matcher->common, g_strdup (token->folded));
    }
}

/* Replacing */

static const char *
span_text (V21NameMatcher *matcher,
           V21NameSpan    *span)
{
  switch (span->kind)
    {
    case V21_SPAN_EMAIL:
      matcher->n_emails++;
      /* Translators: in anonymised exports, in place of an e-mail address. */
      return _("[e-mail removed]");
    case V21_SPAN_PHONE:
      matcher->n_phones++;
      /* Translators: in anonymised exports, in place of a phone number. */
      return _("[phone number removed]");
    case V21_SPAN_NAME:
    default:
      break;
    }
  if (span->person < 0)
    {
      matcher->n_shared++;
      return matcher->shared_label;
    }
  {
    Person *person = g_ptr_array_index (matcher->people, span->person);

    person->count++;
    return person->label;
  }
}

char *
v21_name_matcher_replace (V21NameMatcher *matcher,
                          const char     *text)
{
  g_autoptr(GArray) spans = NULL;
  GString *out;
  gsize copied = 0;

  g_return_val_if_fail (matcher != NULL, NULL);
  if (text == NULL)
    return g_strdup ("");
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), g_strdup (""));
  spans = v21_name_matcher_find (matcher, text);
  if (spans->len == 0)
    return g_strdup (text);
  out = g_string_new (NULL);
  for (guint i = 0; i < spans->len; i++)
    {
      V21NameSpan *span = &g_array_index (spans, V21NameSpan, i);

      g_string_append_len (out, text + copied, span->start - copied);
      g_string_append (out, span_text (matcher, span));
      copied = span->end;
    }
  g_string_append (out, text + copied);
  return g_string_free (out, FALSE);
}

guint
v21_name_matcher_get_count (V21NameMatcher *matcher,
                            guint           person)
{
  g_return_val_if_fail (matcher != NULL && person < matcher->people->len, 0);
  return ((Person *) g_ptr_array_index (matcher->people, person))->count;
}

guint
v21_name_matcher_get_n_emails (V21NameMatcher *matcher)
{
  return matcher->n_emails;
}

guint
v21_name_matcher_get_n_phones (V21NameMatcher *matcher)
{
  return matcher->n_phones;
}

guint
v21_name_matcher_get_n_shared (V21NameMatcher *matcher)
{
  return matcher->n_shared;
}

void
v21_name_matcher_learn (V21NameMatcher *matcher,
                        const char     *text)
{
  g_autoptr(GArray) contacts = NULL;
  Scan scan;

  g_return_if_fail (matcher != NULL);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return;
  contacts = contact_spans (matcher, text);
  scan_init (&scan, matcher, text, contacts);
  learn_tokens (matcher, &scan);
  scan_clear (&scan);
}

/* A word hyphenated to a particle is a part of a place's name: "Vert" of
 * "Mairie de Vert-le-Petit", "Luz" of "Saint-Jean-de-Luz". */
static gboolean
in_place_name (Scan  *scan,
               guint  k)
{
  Token *token = token_at (scan, k);

  if (k + 1 < scan->tokens->len && is_particle (token_at (scan, k + 1)->folded)
      && is_hyphen (g_utf8_get_char (scan->text + token->end))
      && gap_glues (scan->text, token->end, token_at (scan, k + 1)->start))
    return TRUE;
  return k > 0 && is_particle (token_at (scan, k - 1)->folded)
         && gap_glues (scan->text, token_at (scan, k - 1)->end, token->start)
         && is_hyphen (g_utf8_get_char (scan->text + token_at (scan, k - 1)->end));
}

gboolean
v21_name_matcher_mentions (V21NameMatcher *matcher,
                           const char     *text)
{
  gboolean found = FALSE;
  Scan scan;

  g_return_val_if_fail (matcher != NULL, FALSE);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  scan_init (&scan, matcher, text, NULL);
  for (guint k = 0; k < scan.tokens->len && !found; k++)
    {
      GPtrArray *list = g_hash_table_lookup (matcher->by_first, token_at (&scan, k)->folded);

      for (guint i = 0; list != NULL && i < list->len && !found; i++)
        {
          Form *form = g_ptr_array_index (list, i);
          Person *person = g_ptr_array_index (matcher->people, form->person);

          found = person->label != NULL && (form->n > 1 || !is_particle (form->words[0])) && words_at (&scan, form, k)
                  && (form->n > 1 || !in_place_name (&scan, k));
        }
    }
  scan_clear (&scan);
  return found;
}
